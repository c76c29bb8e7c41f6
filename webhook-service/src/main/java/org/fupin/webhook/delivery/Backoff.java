package org.fupin.webhook.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: the wait doubles from {@code first} with each failed attempt up to
 * {@code max}, and a random part (between half and all of it) keeps receivers that failed together from
 * being retried together when they come back ("equal jitter").
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after the {@code failedAttempts}-th failure (1 for the first); {@code random} gives values in [0, 1). */
    public Duration after(int failedAttempts, DoubleSupplier random) {
        long firstMillis = Math.max(1, first.toMillis());
        // 2^30 times any sensible first wait is beyond a day: no need to count further (nor to overflow).
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), firstMillis * (1L << doublings));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half + 1)));
    }
}
