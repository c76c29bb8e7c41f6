package org.fupin.gateway.proxy;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.fupin.gateway.routing.BackendRoutes;
import org.fupin.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;

/**
 * A circuit breaker per backend (SmallRye Fault Tolerance): when most recent calls to a backend failed to
 * connect or timed out, calls to it are refused at once for a while, so that clients get a quick 503 and
 * the gateway's connections go to the backends that work.
 */
@ApplicationScoped
public class BackendGuards {

    private static final Logger LOG = Logger.getLogger(BackendGuards.class);

    private static final TypeLiteral<CompletionStage<HttpClientResponse>> ANSWER = new TypeLiteral<>() {
    };

    private final Map<String, TypedGuard<CompletionStage<HttpClientResponse>>> breakers;

    @Inject
    public BackendGuards(BackendRoutes routes, GatewayConfig config, MeterRegistry registry) {
        this(routes.all().stream().map(BackendRoutes.Route::backendName).distinct().toList(), config.circuitBreaker(), registry);
    }

    BackendGuards(Collection<String> backends, GatewayConfig.CircuitBreaker settings, MeterRegistry registry) {
        this.breakers = backends.stream()
                .collect(Collectors.toUnmodifiableMap(backend -> backend, backend -> breaker(backend, settings, registry)));
    }

    /**
     * Makes a call to a backend through its circuit breaker: the call is made, and its outcome counted, unless
     * the circuit is open; then the answer fails at once with {@link CircuitBreakerOpenException}.
     */
    public Future<HttpClientResponse> call(String backend, Supplier<Future<HttpClientResponse>> call) {
        Context context = Vertx.currentContext();
        CompletionStage<HttpClientResponse> answer = breakers.get(backend).get(() -> call.get().toCompletionStage());
        // Back on the request's event loop, where the proxy relays the answer.
        return context == null ? Future.fromCompletionStage(answer) : Future.fromCompletionStage(answer, context);
    }

    /** Whether a call failed because the circuit of its backend is open, not because the backend failed. */
    public static boolean heldBack(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException;
    }

    private static TypedGuard<CompletionStage<HttpClientResponse>> breaker(String backend, GatewayConfig.CircuitBreaker settings,
            MeterRegistry registry) {
        // 0 closed, 1 open, 2 half-open: what an alert on an open circuit watches.
        AtomicInteger state = new AtomicInteger();
        Gauge.builder("fupin.gateway.circuit.state", state, AtomicInteger::get).tag("backend", backend)
                .description("Circuit breaker of the backend: 0 closed, 1 open, 2 half-open").register(registry);
        return TypedGuard.create(ANSWER)
                .withDescription("backend " + backend)
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.requestVolume())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                // A body over the limit is the client's doing; the backend did nothing wrong.
                .skipOn(LimitedBody.TooLarge.class)
                .onStateChange(changed -> {
                    state.set(changed == CircuitBreakerState.OPEN ? 1 : changed == CircuitBreakerState.HALF_OPEN ? 2 : 0);
                    if (changed == CircuitBreakerState.OPEN) {
                        LOG.warnf("Circuit of backend %s opened: it keeps failing", backend);
                    }
                })
                .done()
                .build();
    }
}
