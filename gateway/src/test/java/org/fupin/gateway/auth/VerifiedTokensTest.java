package org.fupin.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void remembersATokenUntilItExpiresAndNotAMomentLonger() {
        VerifiedTokens.VerifiedCaller caller = new VerifiedTokens.VerifiedCaller("u1", Set.of("analyst"), NOW.plusSeconds(60));
        VerifiedTokens tokens = new VerifiedTokens(at(NOW));
        tokens.remember("Bearer a", caller);

        assertThat(tokens.lookup("Bearer a")).contains(caller);
        assertThat(tokens.lookup("Bearer b")).isEmpty();
        assertThat(tokens.lookup(null)).isEmpty();

        VerifiedTokens later = new VerifiedTokens(at(NOW.plus(Duration.ofSeconds(60))));
        later.remember("Bearer a", caller);
        assertThat(later.lookup("Bearer a")).as("expired: verify again").isEmpty();
    }

    @Test
    void neverRemembersAnExpiredToken() {
        VerifiedTokens tokens = new VerifiedTokens(at(NOW));
        tokens.remember("Bearer old", new VerifiedTokens.VerifiedCaller("u2", Set.of(), NOW.minusSeconds(1)));
        assertThat(tokens.lookup("Bearer old")).isEmpty();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
