package org.fupin.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    @Test
    void theWaitDoublesWithEachFailureBetweenHalfAndAllOfItsCeiling() {
        assertThat(backoff.after(1, () -> 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(backoff.after(1, () -> 0.9999)).isBetween(Duration.ofMillis(4999), Duration.ofMillis(5000));
        assertThat(backoff.after(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximumWhateverTheCount() {
        assertThat(backoff.after(11, () -> 0.0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(1000, () -> 0.9999)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    /** A day of retries: with 5 s doubling to an hour, about thirty attempts before suspension. */
    @Test
    void aDayOfFailuresIsAboutThirtyAttempts() {
        Duration elapsed = Duration.ZERO;
        int attempts = 0;
        while (elapsed.compareTo(Duration.ofHours(24)) < 0) {
            attempts++;
            elapsed = elapsed.plus(backoff.after(attempts, () -> 0.5));
        }
        assertThat(attempts).isBetween(25, 45);
    }
}
