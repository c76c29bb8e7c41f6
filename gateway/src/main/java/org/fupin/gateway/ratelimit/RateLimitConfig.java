package org.fupin.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request budgets per caller, by role. */
@ConfigMapping(prefix = "fupin.gateway.rate-limit")
public interface RateLimitConfig {

    /** Whether the gateway limits callers at all. */
    @WithDefault("true")
    boolean enabled();

    /** The budget of a caller whose roles have none of their own. */
    Limit defaults();

    /** Budgets by role (the names of the groups claim); a caller with several roles gets the most generous. */
    Map<String, Limit> roles();

    /** A token bucket: {@code requests} per {@code period}, refilled evenly, bursts up to {@code requests}. */
    interface Limit {

        /** Requests allowed per period. */
        long requests();

        /** The period the requests are counted over. */
        @WithDefault("1m")
        Duration period();
    }
}
