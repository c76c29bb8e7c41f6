package org.fupin.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fupin.gateway.routing.GatewayConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;

/**
 * How the gateway's settings and outcomes drive SmallRye's circuit breaker: which calls count as failures,
 * what the window, ratio and delay mean, one breaker per backend. A {@code @QuarkusTest} because the
 * library builds its breakers through CDI.
 */
@QuarkusTest
class BackendGuardsTest {

    private static final Duration DELAY = Duration.ofMillis(300);

    private record Settings(int requestVolume, double failureRatio, Duration delay) implements GatewayConfig.CircuitBreaker {
    }

    private BackendGuards guards;
    private SimpleMeterRegistry registry;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void freshBreakers() {
        registry = new SimpleMeterRegistry();
        guards = new BackendGuards(List.of("household", "assistance"), new Settings(4, 0.5, DELAY), registry);
    }

    @Test
    void opensWhenHalfOfTheLastCallsFailedAndThenRefusesWithoutCallingTheBackend() {
        assertThat(reaches("household", answered())).isTrue();
        assertThat(reaches("household", refused())).isTrue();
        assertThat(reaches("household", answered())).isTrue();
        assertThat(reaches("household", refused())).as("the fourth call fills the window").isTrue();

        Future<HttpClientResponse> held = guards.call("household", () -> {
            throw new AssertionError("the backend must not be called");
        });
        assertThat(held.failed()).isTrue();
        assertThat(BackendGuards.heldBack(held.cause())).as("answered as held back").isTrue();
        assertThat(circuitState("household")).as("the gauge an alert watches: open").isEqualTo(1);
        assertThat(circuitState("assistance")).isZero();
    }

    private double circuitState(String backend) {
        return registry.get("fupin.gateway.circuit.state").tag("backend", backend).gauge().value();
    }

    @Test
    void staysClosedWhileLessThanHalfOfTheLastCallsFailed() {
        reaches("household", refused());
        for (int i = 0; i < 5; i++) {
            reaches("household", answered());
        }
        reaches("household", refused());
        assertThat(reaches("household", answered())).isTrue();
    }

    @Test
    void aFailingBackendLeavesTheOthersAlone() {
        for (int i = 0; i < 4; i++) {
            reaches("household", refused());
        }
        assertThat(reaches("household", answered())).isFalse();
        assertThat(reaches("assistance", answered())).isTrue();
    }

    @Test
    void aBodyOverTheLimitIsNotHeldAgainstTheBackend() {
        for (int i = 0; i < 4; i++) {
            reaches("household", Future.failedFuture(new LimitedBody.TooLarge(1024)));
        }
        assertThat(reaches("household", answered())).isTrue();
    }

    @Test
    void afterTheDelayLetsOneTrialThroughWhichClosesTheCircuitWhenAnswered() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            reaches("household", refused());
        }
        Thread.sleep(DELAY.toMillis() + 200);

        Promise<HttpClientResponse> trial = Promise.promise();
        assertThat(reaches("household", trial.future())).isTrue();
        assertThat(reaches("household", answered())).as("one trial at a time").isFalse();
        trial.complete(null);
        assertThat(reaches("household", answered())).isTrue();
    }

    /** Whether the call reached the backend. */
    private boolean reaches(String backend, Future<HttpClientResponse> outcome) {
        int before = calls.get();
        guards.call(backend, () -> {
            calls.incrementAndGet();
            return outcome;
        });
        return calls.get() > before;
    }

    private static Future<HttpClientResponse> answered() {
        return Future.succeededFuture();
    }

    private static Future<HttpClientResponse> refused() {
        return Future.failedFuture(new ConnectException("Connection refused"));
    }
}
