package org.fupin.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker over a backend's recent calls: CLOSED lets calls through and remembers the
 * outcome of the last {@code volume}; when at least {@code failureRatio} of them failed it OPENs and
 * refuses calls for {@code delay}; then it lets one trial call through (HALF_OPEN), which closes
 * it again on success or reopens it on failure. Thread-safe; outcomes are reported by the caller.
 */
public final class CircuitBreaker {

    /** The states of the breaker. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int volume;
    private final double failureRatio;
    private final long delayNanos;
    private final LongSupplier clock;

    private final boolean[] failures;
    private int recorded;
    private int next;
    private int failed;
    private State state = State.CLOSED;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int volume, double failureRatio, Duration delay, LongSupplier nanoClock) {
        this.volume = volume;
        this.failureRatio = failureRatio;
        this.delayNanos = delay.toNanos();
        this.clock = nanoClock;
        this.failures = new boolean[volume];
    }

    /** Whether a call may go out now; when it does, its outcome must be reported. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= delayNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            reset();
            return;
        }
        remember(false);
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        remember(true);
        if (recorded >= volume && failed >= failureRatio * volume) {
            open();
        }
    }

    public synchronized State state() {
        return state;
    }

    private void remember(boolean failure) {
        if (recorded == volume && failures[next]) {
            failed--;
        }
        failures[next] = failure;
        if (failure) {
            failed++;
        }
        next = (next + 1) % volume;
        recorded = Math.min(recorded + 1, volume);
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsLong();
        trialInFlight = false;
    }

    private void reset() {
        state = State.CLOSED;
        recorded = 0;
        next = 0;
        failed = 0;
        java.util.Arrays.fill(failures, false);
        trialInFlight = false;
    }
}
