package org.fupin.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The relay's ordering rule: a row of a round may be marked sent only if Kafka acknowledged it and
 * every earlier row of the same aggregate in the round. A row that failed holds back the later rows
 * of its aggregate (they are sent again, after it, in the next round) and no other aggregate's.
 */
final class AggregateOrder {

    private AggregateOrder() {
    }

    /**
     * @param pending the round's rows in seq order
     * @param acknowledged for each row, whether Kafka acknowledged its send
     * @return the ids of the rows to mark sent
     */
    static List<UUID> markable(List<OutboxEntry> pending, List<Boolean> acknowledged) {
        if (pending.size() != acknowledged.size()) {
            throw new IllegalArgumentException(pending.size() + " rows but " + acknowledged.size() + " outcomes");
        }
        List<UUID> markable = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (int i = 0; i < pending.size(); i++) {
            OutboxEntry entry = pending.get(i);
            if (acknowledged.get(i) && !held.contains(entry.aggregateId)) {
                markable.add(entry.id);
            } else {
                held.add(entry.aggregateId);
            }
        }
        return markable;
    }
}
