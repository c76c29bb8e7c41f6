package org.fupin.webhook.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.platform.sql.Rows;
import org.fupin.webhook.sql.SqlArrays;
import org.fupin.webhook.subscription.Subscription;
import org.fupin.webhook.subscription.SubscriptionStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts a poll's worth of events into the delivery queue, in one transaction: each event once per
 * subscription that wants it (a record read twice after a restart adds nothing: the queue is unique on
 * subscription and event), in the order Kafka gave them. An event no subscription wants is not stored.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final EntityManager entityManager;
    private final SubscriptionStore subscriptions;
    private final ObjectMapper json;

    public EventIntake(EntityManager entityManager, SubscriptionStore subscriptions, ObjectMapper json) {
        this.entityManager = entityManager;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    /** Answers how many deliveries were queued. */
    @Transactional
    public int take(List<ConsumerRecord<String, String>> records) {
        List<RoutedEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            Optional<RoutedEvent> event = RoutedEvent.read(record.key(), record.value(), json);
            if (event.isEmpty()) {
                LOG.warnf("Record %s-%d@%d is no CloudEvent with an id, a type and a time: no subscription can receive it",
                        record.topic(), record.partition(), record.offset());
            }
            event.ifPresent(events::add);
        }
        List<RoutedEvent> placed = placed(events);
        List<Subscription> live = subscriptions.live();
        int queued = 0;
        for (RoutedEvent event : placed) {
            List<Subscription> wanting = live.stream().filter(s -> s.wants(event.type(), event.occurredAt(), event.regions())).toList();
            if (!wanting.isEmpty()) {
                queued += queue(event, wanting);
            }
        }
        return queued;
    }

    /**
     * The events with the region of every household event that does not name its village, from the villages the
     * events before it named (in this batch or earlier ones); remembers the villages this batch names.
     */
    private List<RoutedEvent> placed(List<RoutedEvent> events) {
        List<String> households = events.stream().map(RoutedEvent::household).filter(id -> id != null).distinct().toList();
        Map<String, String> villages = new HashMap<>(known(households));
        Map<String, String> learned = new LinkedHashMap<>();
        List<RoutedEvent> placed = new ArrayList<>(events.size());
        for (RoutedEvent event : events) {
            if (event.household() != null && event.village() != null) {
                villages.put(event.household(), event.village());
                learned.put(event.household(), event.village());
            }
            if (!event.regions().known() && villages.containsKey(event.household())) {
                placed.add(event.in(EventRegions.of(villages.get(event.household()))));
            } else {
                placed.add(event);
            }
        }
        remember(learned);
        return placed;
    }

    private Map<String, String> known(List<String> households) {
        if (households.isEmpty()) {
            return Map.of();
        }
        return Rows.list(entityManager.createNativeQuery("select aggregate_id, region_code from aggregate_region "
                        + "where aggregate_id = any (cast(:households as text[]))")
                        .setParameter("households", SqlArrays.literal(households)),
                row -> Map.entry(row.text("aggregate_id"), row.text("region_code")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void remember(Map<String, String> learned) {
        if (learned.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("insert into aggregate_region (aggregate_id, region_code) "
                        + "select * from unnest(cast(:households as text[]), cast(:regions as text[])) "
                        + "on conflict (aggregate_id) do update set region_code = excluded.region_code")
                .setParameter("households", SqlArrays.literal(learned.keySet()))
                .setParameter("regions", SqlArrays.literal(learned.values())).executeUpdate();
    }

    private int queue(RoutedEvent event, List<Subscription> wanting) {
        entityManager.createNativeQuery("insert into event (id, type, occurred_at, body) values (:id, :type, :occurredAt, :body) "
                        + "on conflict (id) do nothing")
                .setParameter("id", event.id()).setParameter("type", event.type()).setParameter("occurredAt", event.occurredAt())
                .setParameter("body", event.body()).executeUpdate();
        return entityManager.createNativeQuery("insert into delivery (subscription_id, event_id, order_key, status, next_attempt_at) "
                        + "select subscription_id, :event, :orderKey, 'PENDING', now() "
                        + "from unnest(cast(:subscriptions as uuid[])) as s(subscription_id) "
                        + "on conflict (subscription_id, event_id) do nothing")
                .setParameter("event", event.id()).setParameter("orderKey", event.orderKey())
                .setParameter("subscriptions", SqlArrays.literal(wanting.stream().map(Subscription::id).toList()))
                .executeUpdate();
    }
}
