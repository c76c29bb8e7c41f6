package org.fupin.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fupin.events.EventCodec;
import org.fupin.events.EventType;
import org.fupin.events.Topics;
import org.fupin.events.household.RegionUpserted;
import org.fupin.platform.inbox.EventDispatcher;
import org.fupin.platform.inbox.IdempotentConsumer;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch is applied in one transaction; when that fails as a whole it is rolled back and applied one
 * record at a time, so the good records apply, the failing one is given up (for the dead-letter topic)
 * and nothing is applied twice. Against the service's real PostgreSQL inbox.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class BatchFallbackTest {

    private static final String FAILING = "539000101";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager entityManager;

    private final EventCodec codec = new EventCodec();
    private final List<String> applied = new ArrayList<>();

    @Test
    void batchThatFailsAsAWholeAppliesItsGoodRecordsOneByOneAndGivesUpTheFailingOne() {
        String consumerName = "batch-fallback-" + UUID.randomUUID();
        List<String> batch = List.of(region("539000"), region(FAILING), region("539000102"), "{not a cloud event");

        List<IdempotentConsumer.Rejected> rejected = consumer.consumeBatch(consumerName, batch, dispatcher());

        assertThat(rejected).extracting(IdempotentConsumer.Rejected::index).containsExactly(1, 3);
        assertThat(rejected.get(0).reason()).hasMessageContaining("failed");
        assertThat(rejected.get(1).reason()).hasMessageContaining("Not a CloudEvent");
        assertThat(processed(consumerName)).isEqualTo(2);
        // The batch attempt applied the first region before it failed, then rolled back: the handler ran
        // again for it, but its effect (and inbox row) exists once.
        assertThat(applied).containsSubsequence("539000", "539000", "539000102");
    }

    @Test
    void batchWithoutFailuresIsAppliedOnceAndRedeliveryChangesNothing() {
        String consumerName = "batch-fallback-" + UUID.randomUUID();
        List<String> batch = List.of(region("538000"), region("538000101"));

        assertThat(consumer.consumeBatch(consumerName, batch, dispatcher())).isEmpty();
        assertThat(consumer.consumeBatch(consumerName, batch, dispatcher())).isEmpty();

        assertThat(processed(consumerName)).isEqualTo(2);
        assertThat(applied).containsExactly("538000", "538000101");
    }

    private EventDispatcher dispatcher() {
        EventDispatcher.Builder builder = EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS);
        for (EventType type : EventType.values()) {
            if (type.topic().equals(Topics.HOUSEHOLD_EVENTS) && type.dataClass() != RegionUpserted.class) {
                builder.ignore(type.dataClass());
            }
        }
        return builder.on(RegionUpserted.class, (region, event) -> {
            applied.add(region.code());
            if (region.code().equals(FAILING)) {
                // What a broken constraint or a bug in a projection looks like to the consumer.
                throw new IllegalStateException("projection failed for " + region.code());
            }
        }).build();
    }

    private long processed(String consumerName) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = :consumer")
                .setParameter("consumer", consumerName).getSingleResult()).longValue());
    }

    private String region(String code) {
        String level = code.length() == 6 ? "COUNTY" : "TOWNSHIP";
        String parent = code.length() == 6 ? null : code.substring(0, 6);
        return codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/test", code, Instant.now(),
                new RegionUpserted(code, "區" + code, level, parent, 100, false, false)));
    }
}
