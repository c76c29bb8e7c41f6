package org.fupin.household.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void readsBackWhatItWrote() {
        ChangeCursor cursor = new ChangeCursor(NOON, 4711);
        assertThat(ChangeCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void recordsTheDayItWasIssuedSoThatASyncWithoutNewsGetsTheSameCursorBack() {
        ChangeCursor morning = new ChangeCursor(Instant.parse("2026-12-07T01:00:00Z"), 9);
        assertThat(morning.reissued(NOON).encode()).isEqualTo(morning.encode());
        assertThat(morning.reissued(NOON.plus(Duration.ofDays(1))).encode()).isNotEqualTo(morning.encode());
    }

    @Test
    void expiresAfterTheRetention() {
        ChangeCursor cursor = new ChangeCursor(NOON, 9);
        assertThat(cursor.expired(NOON.plus(Duration.ofDays(29)), Duration.ofDays(30))).isFalse();
        assertThat(cursor.expired(NOON.plus(Duration.ofDays(31)), Duration.ofDays(30))).isTrue();
    }

    @Test
    void refusesWhatItDidNotIssue() {
        assertThat(ChangeCursor.decode("not-a-cursor")).isEmpty();
        assertThat(ChangeCursor.decode("YzI6MTIzOi0x")).isEmpty(); // c2:123:-1
        assertThat(ChangeCursor.decode("YzE6MTIzOjE6Mg")).isEmpty(); // c1:123:1:2, the old form
    }
}
