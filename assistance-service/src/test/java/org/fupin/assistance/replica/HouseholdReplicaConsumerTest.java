package org.fupin.assistance.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.assistance.replica.persistence.HouseholdReplicaEntity;
import org.fupin.events.EventCodec;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.MemberFacts;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.ManagementInterface;
import org.fupin.testing.PrometheusText;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The household replica is built from real records on a real broker, each event applied once. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdReplicaConsumerTest {

    private static final String TOPIC = "household.events";

    private final EventCodec codec = new EventCodec();
    private final TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());

    @Inject
    EntityManager entityManager;

    @Test
    void replicatesARegisteredHousehold() {
        UUID household = UUID.randomUUID();
        send(household, registered(household));

        HouseholdReplicaEntity row = awaitReplica(household, "POOR");
        assertThat(row.villageCode).isEqualTo("500235101201");
    }

    @Test
    void appliesARedeliveredEventOnlyOnce() {
        double replayedBefore = ManagementInterface.metrics().value("fupin_events_replayed_total", Map.of("topic", TOPIC));
        UUID household = UUID.randomUUID();
        send(household, registered(household));
        String proposeExit = json(household, statusChanged(household, "POOR", "EXIT_PENDING", "PROPOSE_EXIT"));
        String objection = json(household, statusChanged(household, "EXIT_PENDING", "POOR", "OBJECT"));
        topic.send(TOPIC, household.toString(), proposeExit);
        topic.send(TOPIC, household.toString(), objection);
        // The same proposal delivered again: applying it twice would leave the household EXIT_PENDING.
        topic.send(TOPIC, household.toString(), proposeExit);
        UUID marker = UUID.randomUUID();
        send(marker, registered(marker));

        awaitReplica(marker, "POOR");
        assertThat(replicaStatus(household)).isEqualTo("POOR");
        Number applications = (Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = cast(:id as uuid)")
                .setParameter("id", codec.parse(proposeExit).id())
                .getSingleResult());
        assertThat(applications.intValue()).isEqualTo(1);
        // What an operator sees of it: the second delivery counted as skipped, not applied.
        assertThat(ManagementInterface.metrics().value("fupin_events_replayed_total", Map.of("topic", TOPIC)))
                .isGreaterThanOrEqualTo(replayedBefore + 1);
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndGoesOn() {
        double deadBefore = ManagementInterface.metrics().value("fupin_events_dead_lettered_total", Map.of("topic", TOPIC));
        double appliedBefore = ManagementInterface.metrics().value("fupin_events_applied_total", Map.of("topic", TOPIC));
        UUID household = UUID.randomUUID();
        topic.send(TOPIC, household.toString(), "{this is not a cloud event");
        send(household, registered(household));

        awaitReplica(household, "POOR");
        List<ConsumerRecord<String, String>> dead = topic.readUntil("household.events.dlq", Duration.ofSeconds(20),
                records -> records.stream().anyMatch(r -> household.toString().equals(r.key())));
        ConsumerRecord<String, String> record = dead.stream()
                .filter(r -> household.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value()).isEqualTo("{this is not a cloud event");
        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("Not a CloudEvent");
        PrometheusText metrics = ManagementInterface.metrics();
        assertThat(metrics.value("fupin_events_dead_lettered_total", Map.of("topic", TOPIC))).isGreaterThanOrEqualTo(deadBefore + 1);
        assertThat(metrics.value("fupin_events_applied_total", Map.of("topic", TOPIC))).isGreaterThanOrEqualTo(appliedBefore + 1);
    }


    private HouseholdReplicaEntity awaitReplica(UUID household, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(replicaStatus(household)));
        return QuarkusTransaction.requiringNew().call(() -> HouseholdReplicaEntity.findById(household));
    }

    private String replicaStatus(UUID household) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HouseholdReplicaEntity row = HouseholdReplicaEntity.findById(household);
            return row == null ? null : row.status;
        });
    }

    private void send(UUID aggregate, Object data) {
        topic.send(TOPIC, aggregate.toString(), json(aggregate, data));
    }

    private String json(UUID aggregate, Object data) {
        return codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/test", aggregate.toString(), Instant.now(), data));
    }

    static HouseholdRegistered registered(UUID household) {
        return new HouseholdRegistered(household, "50023510120100001", "500235101201", "GENERAL",
                List.of("ILLNESS"), "ILLNESS", 2016, new BigDecimal("2800.00"), "POOR", null, LocalDate.of(2019, 6, 1),
                List.of(new MemberFacts(UUID.randomUUID(), "HEAD", "MALE", 1970, "HEALTHY", null, false,
                        "GRADUATED", "FULL", true, false)));
    }

    static HouseholdStatusChanged statusChanged(UUID household, String from, String to, String action) {
        return new HouseholdStatusChanged(household, "500235101201", from, to, action, LocalDate.of(2019, 9, 1),
                null, null, to.equals("EXIT_PENDING") ? LocalDate.of(2019, 9, 8) : null, null);
    }
}
