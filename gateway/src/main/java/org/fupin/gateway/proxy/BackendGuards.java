package org.fupin.gateway.proxy;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.gateway.routing.BackendRoutes;
import org.fupin.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * A circuit breaker per backend: when most recent calls to a backend failed to connect or timed
 * out, calls to it are refused at once for a while, so that clients get a quick 503 and the
 * gateway's connections go to the backends that work.
 */
@ApplicationScoped
public class BackendGuards {

    private static final Logger LOG = Logger.getLogger(BackendGuards.class);

    private final Map<String, CircuitBreaker> breakers = new HashMap<>();

    public BackendGuards(BackendRoutes routes, GatewayConfig config) {
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
        for (BackendRoutes.Route route : routes.all()) {
            breakers.computeIfAbsent(route.backendName(), name -> new CircuitBreaker(settings.requestVolume(),
                    settings.failureRatio(), settings.delay(), System::nanoTime));
        }
    }

    public boolean tryAcquire(String backend) {
        return breakers.get(backend).tryAcquire();
    }

    public void succeeded(String backend) {
        breakers.get(backend).onSuccess();
    }

    public void failed(String backend) {
        CircuitBreaker breaker = breakers.get(backend);
        CircuitBreaker.State before = breaker.state();
        breaker.onFailure();
        if (before != CircuitBreaker.State.OPEN && breaker.state() == CircuitBreaker.State.OPEN) {
            LOG.warnf("Circuit of backend %s opened: it keeps failing", backend);
        }
    }
}
