package org.fupin.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the suite.
 *
 * @param name the short name used by the commands, the pid file and the log ({@code household})
 * @param module the Maven module that packages it ({@code household-service})
 * @param database whether it owns a PostgreSQL database
 */
public record ServiceSpec(String name, String module, boolean database) {

    public static final ServiceSpec HOUSEHOLD = new ServiceSpec("household", "household-service", true);
    public static final ServiceSpec ASSISTANCE = new ServiceSpec("assistance", "assistance-service", true);
    public static final ServiceSpec REPORTING = new ServiceSpec("reporting", "reporting-service", true);
    public static final ServiceSpec WEBHOOK = new ServiceSpec("webhook", "webhook-service", true);
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", "gateway", false);

    /** In start order: the gateway routes to the others, so it comes last. */
    public static final List<ServiceSpec> ALL = List.of(HOUSEHOLD, ASSISTANCE, REPORTING, WEBHOOK, GATEWAY);

    /** The service by its short or its module name. */
    public static ServiceSpec named(String name) {
        return ALL.stream()
                .filter(service -> service.name().equals(name) || service.module().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service '" + name + "'. Services: "
                        + String.join(", ", ALL.stream().map(ServiceSpec::name).toList())));
    }

    /** The runnable jar that {@code mvn package} makes. */
    public Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public String role() {
        return "fupin_" + name;
    }

    public String databaseName(String suffix) {
        return role() + suffix;
    }
}
