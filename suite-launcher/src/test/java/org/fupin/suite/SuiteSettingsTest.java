package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuiteSettingsTest {

    private static final Path ROOT = Path.of("/work/fupin");

    @Test
    void withoutVariablesTheDefaultsApply() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of());

        assertThat(settings.home()).isEqualTo(ROOT.resolve(".suite"));
        assertThat(settings.ports()).isEqualTo(new SuiteSettings.Ports(8080, 8081, 8082, 8083, 8084, 9092, 9093));
        assertThat(settings.databaseSuffix()).isEmpty();
        assertThat(settings.database()).isEqualTo(new SuiteSettings.Database("127.0.0.1", 5432, null, null));
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.launcherLib()).isEqualTo(ROOT.resolve("suite-launcher/target/lib"));
    }

    @Test
    void everyPortHomeAndDatabaseSettingHasAVariable() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.ofEntries(
                Map.entry("FUPIN_SUITE_HOME", "/tmp/other-suite"),
                Map.entry("FUPIN_GATEWAY_PORT", "18080"),
                Map.entry("FUPIN_HOUSEHOLD_PORT", "18081"),
                Map.entry("FUPIN_ASSISTANCE_PORT", "18082"),
                Map.entry("FUPIN_REPORTING_PORT", "18083"),
                Map.entry("FUPIN_WEBHOOK_PORT", "18084"),
                Map.entry("FUPIN_KAFKA_PORT", "19092"),
                Map.entry("FUPIN_KAFKA_CONTROLLER_PORT", "19093"),
                Map.entry("PGHOST", "db.example"),
                Map.entry("PGPORT", "5433"),
                Map.entry("PGUSER", "admin"),
                Map.entry("FUPIN_DB_PASSWORD", "s3cret")));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/other-suite"));
        assertThat(settings.ports()).isEqualTo(new SuiteSettings.Ports(18080, 18081, 18082, 18083, 18084, 19092, 19093));
        assertThat(settings.database()).isEqualTo(new SuiteSettings.Database("db.example", 5433, "admin", "s3cret"));
        assertThat(settings.database().local()).isFalse();
        assertThat(settings.database().passwordOf("fupin_household")).isEqualTo("s3cret");
    }

    @Test
    void aRelativeHomeIsUnderTheRoot() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of("FUPIN_SUITE_HOME", "e2e-tests/target/suite"));

        assertThat(settings.home()).isEqualTo(ROOT.resolve("e2e-tests/target/suite"));
        assertThat(settings.runDir()).isEqualTo(ROOT.resolve("e2e-tests/target/suite/run"));
    }

    @Test
    void withoutAPasswordEachRoleLogsInWithItsName() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of());

        assertThat(settings.database().passwordOf("fupin_reporting")).isEqualTo("fupin_reporting");
    }

    @Test
    void aSocketDirectoryInPghostLeavesTheServicesOnTcp() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, Map.of("PGHOST", "/var/run/postgresql"));

        assertThat(settings.database().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aMalformedPortIsNamedInTheError() {
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(ROOT, Map.of("FUPIN_KAFKA_PORT", "90921")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FUPIN_KAFKA_PORT")
                .hasMessageContaining("90921");
    }

    @Test
    void aSecondSuiteDiffersOnlyInWhatItOverrides() {
        SuiteSettings developer = SuiteSettings.fromEnvironment(ROOT, Map.of());
        SuiteSettings e2e = developer.withHome(Path.of("e2e-tests/target/suite"))
                .withPorts(new SuiteSettings.Ports(18080, 18081, 18082, 18083, 18084, 19092, 19093))
                .withDatabaseSuffix("_e2e");

        assertThat(e2e.root()).isEqualTo(developer.root());
        assertThat(e2e.database()).isEqualTo(developer.database());
        assertThat(e2e.home()).isEqualTo(ROOT.resolve("e2e-tests/target/suite"));
        assertThat(e2e.ports().of("household")).isEqualTo(18081);
        assertThat(e2e.databaseSuffix()).isEqualTo("_e2e");
    }
}
