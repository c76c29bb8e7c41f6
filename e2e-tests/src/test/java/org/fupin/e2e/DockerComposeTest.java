package org.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine, so it is checked here:
 * every service it builds exists with its Dockerfile, every setting it passes is one the service
 * reads, every dependency is health-gated on a part that has a health check.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize();
    private static final List<String> APPLICATIONS = List.of("household-service", "assistance-service", "reporting-service", "webhook-service", "gateway");

    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            compose = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @Test
    void describesTheInfrastructureAndTheFourServices() {
        assertThat(services().keySet()).contains("postgres", "kafka", "kafka-topics")
                .containsAll(APPLICATIONS);
    }

    @Test
    void buildsEachServiceFromItsOwnModuleAndDockerfile() {
        for (String name : APPLICATIONS) {
            Map<String, Object> build = map(service(name).get("build"));
            Path context = ROOT.resolve((String) build.get("context")).normalize();
            assertThat(context).as("build context of %s", name).isEqualTo(ROOT.resolve(name));
            assertThat(context.resolve((String) build.get("dockerfile"))).as("Dockerfile of %s", name).isRegularFile();
        }
    }

    @Test
    void passesOnlySettingsTheServicesRead() throws IOException {
        for (String name : APPLICATIONS) {
            Set<String> known = ServiceSettings.readBy(name);
            Map<String, Object> environment = map(service(name).get("environment"));
            assertThat(environment).as("environment of %s", name).isNotEmpty();
            for (String variable : environment.keySet()) {
                assertThat(known).as("%s is a setting of %s", variable, name).contains(variable);
            }
        }
    }

    /**
     * The services believe X-Forwarded-* from the gateway alone, named by address: Quarkus resolves a trusted
     * proxy given by name with a DNS query on every request.
     */
    @Test
    @SuppressWarnings("unchecked")
    void trustsTheGatewaysFixedAddressNotItsName() {
        Map<String, Object> networks = map(map(service("gateway").get("networks")).get("default"));
        String gateway = (String) networks.get("ipv4_address");
        List<Map<String, Object>> subnets = (List<Map<String, Object>>) map(map(map(compose.get("networks")).get("default")).get("ipam"))
                .get("config");
        assertThat(gateway).as("the gateway's address lies in the compose network").startsWith(
                ((String) subnets.get(0).get("subnet")).replaceAll("0/24$", ""));
        for (String name : List.of("household-service", "assistance-service", "reporting-service", "webhook-service")) {
            assertThat(map(service(name).get("environment")).get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).as("trusted proxies of %s", name)
                    .isEqualTo(gateway + "/32");
        }
    }

    @Test
    void startsEveryPartOnlyWhenWhatItNeedsIsHealthy() {
        for (Map.Entry<String, Object> entry : services().entrySet()) {
            Object dependsOn = map(entry.getValue()).get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            for (Map.Entry<String, Object> dependency : map(dependsOn).entrySet()) {
                assertThat(services()).as("%s depends on %s", entry.getKey(), dependency.getKey()).containsKey(dependency.getKey());
                String condition = (String) map(dependency.getValue()).get("condition");
                assertThat(condition).isIn("service_healthy", "service_completed_successfully");
                if (condition.equals("service_healthy")) {
                    assertThat(service(dependency.getKey())).as("health check of %s", dependency.getKey()).containsKey("healthcheck");
                }
            }
        }
        for (String name : APPLICATIONS) {
            assertThat(service(name)).as("health check of %s", name).containsKey("healthcheck");
        }
    }

    @Test
    void createsTheDatabasesTheServicesAreConfiguredFor() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"));
        for (String name : List.of("household-service", "assistance-service", "reporting-service", "webhook-service")) {
            Map<String, Object> environment = map(service(name).get("environment"));
            String url = (String) environment.get("QUARKUS_DATASOURCE_JDBC_URL");
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(init).contains("create database " + database + " owner " + environment.get("QUARKUS_DATASOURCE_USERNAME"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    private static Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
