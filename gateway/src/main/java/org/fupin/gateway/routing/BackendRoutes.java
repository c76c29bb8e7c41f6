package org.fupin.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds the backend of a request path by its longest matching prefix. */
@ApplicationScoped
public class BackendRoutes {

    /** A backend by name with its settings. */
    public record Route(String prefix, String backendName, GatewayConfig.Backend backend) {
    }

    private final List<Route> routes;

    public BackendRoutes(GatewayConfig config) {
        List<Route> all = new ArrayList<>();
        add(all, "household", config.household());
        add(all, "assistance", config.assistance());
        add(all, "reporting", config.reporting());
        add(all, "webhook", config.webhook());
        all.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        this.routes = List.copyOf(all);
    }

    private static void add(List<Route> routes, String name, GatewayConfig.Backend backend) {
        for (String prefix : backend.prefixes()) {
            routes.add(new Route(prefix, name, backend));
        }
    }

    /** The route of a path; a prefix matches whole segments only (/api/v1/units does not match /api/v1/unitsx). */
    public Optional<Route> resolve(String path) {
        for (Route route : routes) {
            if (path.equals(route.prefix()) || path.startsWith(route.prefix() + "/")) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> all() {
        return routes;
    }
}
