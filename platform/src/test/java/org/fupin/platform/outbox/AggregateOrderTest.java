package org.fupin.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AggregateOrderTest {

    private final OutboxEntry a1 = entry("A");
    private final OutboxEntry b1 = entry("B");
    private final OutboxEntry a2 = entry("A");
    private final OutboxEntry a3 = entry("A");
    private final OutboxEntry b2 = entry("B");

    @Test
    void failedRowHoldsBackTheLaterRowsOfItsAggregateOnly() {
        List<UUID> markable = AggregateOrder.markable(List.of(a1, b1, a2, a3, b2), List.of(true, true, false, true, true));

        assertThat(markable).containsExactly(a1.id, b1.id, b2.id);
    }

    @Test
    void rowsBeforeTheFailedOneOfTheSameAggregateAreMarked() {
        List<UUID> markable = AggregateOrder.markable(List.of(a1, a2, a3), List.of(true, true, false));

        assertThat(markable).containsExactly(a1.id, a2.id);
    }

    @Test
    void laterRowAcknowledgedBeforeAnEarlierFailedOneIsNotMarked() {
        // Kafka may acknowledge A3 though A2 failed; marking A3 would let A2 arrive after it on the next round.
        List<UUID> markable = AggregateOrder.markable(List.of(a2, a3), List.of(false, true));

        assertThat(markable).isEmpty();
    }

    @Test
    void everyRowAcknowledgedMarksEveryRow() {
        assertThat(AggregateOrder.markable(List.of(a1, b1, a2), List.of(true, true, true))).containsExactly(a1.id, b1.id, a2.id);
    }

    @Test
    void outcomesMustMatchTheRows() {
        assertThatThrownBy(() -> AggregateOrder.markable(List.of(a1, b1), List.of(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static OutboxEntry entry(String aggregate) {
        OutboxEntry entry = new OutboxEntry();
        entry.id = UUID.randomUUID();
        entry.aggregateId = aggregate;
        entry.aggregateType = "household";
        entry.eventType = "household.registered";
        entry.topic = "fupin.test.outbox-order";
        entry.payload = "{\"aggregate\":\"" + aggregate + "\"}";
        return entry;
    }
}
