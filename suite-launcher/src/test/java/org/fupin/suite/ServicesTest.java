package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServicesTest {

    private static Services services(Map<String, String> env) {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Path.of("/repo"), env);
        return new Services(settings, new ProcessControl(settings.runDir(), settings.logsDir()),
                Path.of("/repo/.suite/keys/jwt-public.pem"));
    }

    @Test
    void aServiceWithADatabaseGetsItsOwnDatabaseAndRole() {
        Map<String, String> env = services(Map.of()).environment(ServiceSpec.HOUSEHOLD);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_HTTP_PORT", "8081",
                "QUARKUS_MANAGEMENT_PORT", "9081",
                "FUPIN_PUBLIC_BASE_URL", "http://localhost:8080",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/fupin_household",
                "QUARKUS_DATASOURCE_USERNAME", "fupin_household",
                "QUARKUS_DATASOURCE_PASSWORD", "fupin_household",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "FUPIN_JWT_PUBLIC_KEY", "/repo/.suite/keys/jwt-public.pem"));
    }

    @Test
    void theGatewayHasNoDatabaseAndKnowsWhereTheServicesAre() {
        Map<String, String> env = services(Map.of()).environment(ServiceSpec.GATEWAY);

        assertThat(env)
                .containsEntry("QUARKUS_HTTP_PORT", "8080")
                .containsEntry("FUPIN_GATEWAY_HOUSEHOLD_URL", "http://127.0.0.1:8081")
                .containsEntry("FUPIN_GATEWAY_ASSISTANCE_URL", "http://127.0.0.1:8082")
                .containsEntry("FUPIN_GATEWAY_REPORTING_URL", "http://127.0.0.1:8083")
                .containsEntry("FUPIN_GATEWAY_WEBHOOK_URL", "http://127.0.0.1:8084")
                .containsEntry("FUPIN_GATEWAY_HOUSEHOLD_MANAGEMENT_URL", "http://127.0.0.1:9081")
                .containsEntry("QUARKUS_MANAGEMENT_PORT", "9080")
                .containsEntry("FUPIN_JWT_PUBLIC_KEY", "/repo/.suite/keys/jwt-public.pem")
                .doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void theEndToEndSuiteUsesItsPortsAndDatabases() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Path.of("/repo"), Map.of("FUPIN_DB_PASSWORD", "s3cret"))
                .withPorts(new SuiteSettings.Ports(18080, 18081, 18082, 18083, 18084, 19092, 19093))
                .withDatabaseSuffix("_e2e");
        Services services = new Services(settings, new ProcessControl(settings.runDir(), settings.logsDir()),
                Path.of("/repo/e2e-tests/target/suite/keys/jwt-public.pem"));

        assertThat(services.environment(ServiceSpec.REPORTING))
                .containsEntry("QUARKUS_HTTP_PORT", "18083")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/fupin_reporting_e2e")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "s3cret")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        assertThat(services.environment(ServiceSpec.GATEWAY))
                .containsEntry("FUPIN_GATEWAY_ASSISTANCE_URL", "http://127.0.0.1:18082");
    }

    @Test
    void eachServiceRunsFromItsPackagedJarWithABoundedHeap() {
        assertThat(services(Map.of()).command(ServiceSpec.ASSISTANCE))
                .endsWith("-Xmx384m", "-jar", "/repo/assistance-service/target/quarkus-app/quarkus-run.jar");
    }
}
