package org.fupin.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(4, 0.5, Duration.ofSeconds(10), now::get);

    @Test
    void opensWhenHalfOfTheLastCallsFailed() {
        call(true);
        call(false);
        call(true);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        call(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void forgetsOutcomesOlderThanTheWindow() {
        call(false);
        call(true);
        call(true);
        call(true);
        call(true);
        call(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void letsOneTrialThroughAfterTheDelayAndClosesOnSuccess() {
        for (int i = 0; i < 4; i++) {
            call(false);
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void reopensWhenTheTrialFails() {
        for (int i = 0; i < 4; i++) {
            call(false);
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    private void call(boolean success) {
        assertThat(breaker.tryAcquire()).isTrue();
        if (success) {
            breaker.onSuccess();
        } else {
            breaker.onFailure();
        }
    }
}
