package org.fupin.webhook.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.webhook.config.WebhookConfig;
import org.fupin.webhook.sql.Jdbc;
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
    private final Jdbc jdbc;
    private final WebhookConfig config;
    private final Dispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    public DeliveryLog(Subscriptions subscriptions, Jdbc jdbc, WebhookConfig config, Dispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.config = config;
        this.dispatcher = dispatcher;
    }

    /** Newest first, optionally only PENDING or DELIVERED ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> page(UUID subscriptionId, String status, Subscriptions.Requester requester, PageRequest page) {
        subscriptions.visible(subscriptionId, requester, false);
        long before = page.after() == null ? Long.MAX_VALUE : Cursors.seqAfter(page);
        List<Numbered> rows = jdbc.work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from delivery d join event e on "
                    + "e.id = d.event_id where d.subscription_id = ? and d.seq < ? and (?::text is null or d.status = ?) "
                    + "order by d.seq desc limit ?")) {
                Jdbc.bind(select, List.of(subscriptionId, before));
                select.setString(3, status);
                select.setString(4, status);
                select.setInt(5, page.fetchSize());
                List<Numbered> found = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        found.add(new Numbered(result.getLong(1), view(result, null)));
                    }
                }
                return found;
            }
        });
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
        int queued = jdbc.update("update delivery set status = 'PENDING', next_attempt_at = now(), failing_since = null, "
                + "delivered_at = null where subscription_id = ? and event_id = ?", subscription.id(), eventId);
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
        int requeued = jdbc.update("update delivery d set status = 'PENDING', next_attempt_at = now(), failing_since = null, "
                + "delivered_at = null from event e where e.id = d.event_id and d.subscription_id = ? and d.status = 'DELIVERED' "
                + "and e.occurred_at >= ?", subscription.id(), from);
        LOG.infof("Subscription %s: %d deliveries from %s queued again by %s", subscriptionId, requeued, from, requester.subject());
        dispatcher.wakeAfterCommit();
        return new ReplayResult(from, requeued);
    }

    private DeliveryView find(UUID subscriptionId, String eventId) {
        return jdbc.work(connection -> {
            long seq;
            DeliveryView found;
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from delivery d join event e on "
                    + "e.id = d.event_id where d.subscription_id = ? and d.event_id = ?")) {
                Jdbc.bind(select, List.of(subscriptionId, eventId));
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        throw Refusal.notFound("Delivery of event " + eventId);
                    }
                    seq = result.getLong(1);
                    found = view(result, null);
                }
            }
            List<DeliveryView.AttemptView> attempts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select attempted_at, status_code, error, latency_ms "
                    + "from delivery_attempt where delivery_seq = ? order by id")) {
                select.setLong(1, seq);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        attempts.add(new DeliveryView.AttemptView(Jdbc.instant(result.getTimestamp(1)),
                                (Integer) result.getObject(2), result.getString(3), result.getInt(4)));
                    }
                }
            }
            return found.withAttempts(attempts);
        });
    }

    private static DeliveryView view(ResultSet row, List<DeliveryView.AttemptView> attempts) throws SQLException {
        return new DeliveryView(row.getString(2), row.getString(3), Jdbc.instant(row.getTimestamp(4)), row.getString(5),
                row.getInt(6), (Integer) row.getObject(7), row.getString(8), (Integer) row.getObject(9),
                "DELIVERED".equals(row.getString(5)) ? null : Jdbc.instant(row.getTimestamp(10)), Jdbc.instant(row.getTimestamp(11)),
                attempts);
    }

    private record Numbered(long seq, DeliveryView view) {
    }
}
