package org.fupin.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.common.KafkaException;
import org.fupin.events.Topics;
import org.fupin.platform.kafka.KafkaClients;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rebuild's replay consumer gets the service's whole Kafka configuration, so that on a secured
 * cluster it authenticates like the live consumers instead of failing.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class KafkaSettingsTest {

    @Inject
    KafkaClients kafka;

    @Test
    void everyKafkaSettingOfTheServiceReachesTheReplayConsumersSettings() {
        Map<String, Object> settings = kafka.consumer("reporting-rebuild", Map.of("enable.auto.commit", "false"));

        assertThat(settings).containsEntry("bootstrap.servers", InJvmKafka.bootstrapServers())
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("client.id", "reporting-rebuild")
                .containsEntry("enable.auto.commit", "false");
    }

    @Test
    void replayUsesTheSecuritySettingsItIsGiven() {
        Map<String, Object> secured = new HashMap<>(kafka.consumer("reporting-rebuild", Map.of()));
        secured.put("security.protocol", "SASL_PLAINTEXT");
        secured.put("sasl.mechanism", "PLAIN");

        // No JAAS login configured: a consumer that honours the settings cannot even be built.
        assertThatThrownBy(() -> new Replay(secured, List.of(Topics.HOUSEHOLD_EVENTS)).close())
                .isInstanceOf(KafkaException.class).hasStackTraceContaining("JAAS");
    }

    @Test
    void replayWithTheServicesSettingsReadsTheTopics() {
        try (Replay replay = new Replay(kafka.consumer("reporting-rebuild", Map.of()), List.of(Topics.HOUSEHOLD_EVENTS))) {
            assertThat(replay.endOffsets()).isNotEmpty();
        }
    }
}
