package org.fupin.webhook.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.webhook.config.WebhookConfig;
import org.fupin.webhook.subscription.Subscription;
import org.fupin.webhook.subscription.Subscriptions;
import org.jboss.logging.Logger;

/** What the owner of a subscription sees of its deliveries, and the two ways to have events sent again. */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    private static final String COLUMNS = "d.seq, d.event_id, e.type, e.occurred_at, d.status, d.attempts, d.last_status_code, "
            + "d.last_error, d.last_latency_ms, d.next_attempt_at, d.delivered_at";

    private final Subscriptions subscriptions;
    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final Dispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    public DeliveryLog(Subscriptions subscriptions, EntityManager entityManager, WebhookConfig config, Dispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.entityManager = entityManager;
        this.config = config;
        this.dispatcher = dispatcher;
    }

    /** Newest first, optionally only PENDING or DELIVERED ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> page(UUID subscriptionId, String status, Subscriptions.Requester requester, PageRequest page) {
        subscriptions.visible(subscriptionId, requester, false);
        long before = page.after() == null ? Long.MAX_VALUE : Cursors.seqAfter(page);
        Query query = entityManager.createNativeQuery("select " + COLUMNS + " from delivery d join event e on e.id = d.event_id "
                        + "where d.subscription_id = :subscription and d.seq < :before "
                        + "and (cast(:status as text) is null or d.status = :status) order by d.seq desc limit :limit")
                .setParameter("subscription", subscriptionId).setParameter("before", before).setParameter("status", status)
                .setParameter("limit", page.fetchSize());
        List<Numbered> rows = Rows.list(query, row -> new Numbered(row.count("seq"), view(row, null)));
        return page.page(rows, row -> String.valueOf(row.seq())).map(Numbered::view);
    }

    /** One delivery with every attempt. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryView get(UUID subscriptionId, String eventId, Subscriptions.Requester requester) {
        subscriptions.visible(subscriptionId, requester, false);
        return find(subscriptionId, eventId);
    }

    /**
     * Sends one event again, whatever became of it: at once if nothing of the same household waits before it, with a
     * fresh day of retries. The receiver sees the same webhook-id.
     */
    @Transactional
    public DeliveryView redeliver(UUID subscriptionId, String eventId, Subscriptions.Requester requester) {
        Subscription subscription = subscriptions.visible(subscriptionId, requester, true);
        int queued = entityManager.createNativeQuery("update delivery set status = 'PENDING', next_attempt_at = now(), "
                        + "failing_since = null, delivered_at = null where subscription_id = :subscription and event_id = :event")
                .setParameter("subscription", subscription.id()).setParameter("event", eventId).executeUpdate();
        if (queued == 0) {
            throw Refusal.notFound("Delivery of event " + eventId);
        }
        LOG.infof("Event %s queued again for subscription %s by %s", eventId, subscriptionId, requester.subject());
        dispatcher.wakeAfterCommit();
        return find(subscriptionId, eventId);
    }

    /** Sends again every delivered event that occurred at or after {@code from}, in the original order. */
    @Transactional
    public ReplayResult replay(UUID subscriptionId, Instant from, Subscriptions.Requester requester) {
        Subscription subscription = subscriptions.visible(subscriptionId, requester, true);
        Instant oldest = clock.instant().minus(config.retention());
        if (from.isBefore(oldest)) {
            throw Refusal.unprocessable("replay-beyond-retention", "The delivery log keeps " + config.retention().toDays()
                    + " days; replay from " + oldest + " or later.", List.of(new Violation("from", "replay-beyond-retention",
                    "The delivery log keeps " + config.retention().toDays() + " days.")));
        }
        int requeued = entityManager.createNativeQuery("update delivery d set status = 'PENDING', next_attempt_at = now(), "
                        + "failing_since = null, delivered_at = null from event e where e.id = d.event_id "
                        + "and d.subscription_id = :subscription and d.status = 'DELIVERED' and e.occurred_at >= :from")
                .setParameter("subscription", subscription.id()).setParameter("from", from).executeUpdate();
        LOG.infof("Subscription %s: %d deliveries from %s queued again by %s", subscriptionId, requeued, from, requester.subject());
        dispatcher.wakeAfterCommit();
        return new ReplayResult(from, requeued);
    }

    private DeliveryView find(UUID subscriptionId, String eventId) {
        List<DeliveryView.AttemptView> attempts = Rows.list(entityManager.createNativeQuery("select attempted_at, status_code, "
                        + "error, latency_ms from delivery_attempt where delivery_seq = (select seq from delivery "
                        + "where subscription_id = :subscription and event_id = :event) order by id")
                        .setParameter("subscription", subscriptionId).setParameter("event", eventId),
                row -> new DeliveryView.AttemptView(row.instantOrNull("attempted_at"), row.integerOrNull("status_code"),
                        row.text("error"), row.integerOrNull("latency_ms")));
        Query delivery = entityManager.createNativeQuery("select " + COLUMNS + " from delivery d join event e on e.id = d.event_id "
                        + "where d.subscription_id = :subscription and d.event_id = :event")
                .setParameter("subscription", subscriptionId).setParameter("event", eventId);
        return Rows.list(delivery, row -> view(row, attempts)).stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("Delivery of event " + eventId));
    }

    private static DeliveryView view(Row row, List<DeliveryView.AttemptView> attempts) {
        boolean delivered = "DELIVERED".equals(row.text("status"));
        return new DeliveryView(row.text("event_id"), row.text("type"), row.instantOrNull("occurred_at"), row.text("status"),
                (int) row.count("attempts"), row.integerOrNull("last_status_code"), row.text("last_error"),
                row.integerOrNull("last_latency_ms"), delivered ? null : row.instantOrNull("next_attempt_at"),
                row.instantOrNull("delivered_at"), attempts);
    }

    private record Numbered(long seq, DeliveryView view) {
    }
}
