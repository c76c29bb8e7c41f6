package org.fupin.webhook.delivery;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.webhook.sql.Jdbc;

/**
 * The deliveries waiting to go out, as the dispatcher sees them; callers hold the transaction. A delivery
 * is claimed with a lease, so that two instances never send it at once and one that dies leaves it to the
 * other when the lease ends.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A delivery claimed for sending, with what sending it needs. */
    public record Claimed(long seq, UUID subscriptionId, String eventId, String eventType, String body, URI url, String secret,
            int attempts, Instant failingSince) {
    }

    /**
     * Claims due deliveries of active subscriptions, oldest first. Per subscription and household only the oldest
     * waiting one may go (the next waits until it is delivered: order); per subscription at most
     * {@code maxInFlight} minus what is {@code busy} already (a slow receiver holds its own slots only).
     */
    private static final String CLAIM = """
            with candidates as (
                select d.seq, d.subscription_id,
                       row_number() over (partition by d.subscription_id order by d.seq) as place
                from delivery d join subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and s.status = 'ACTIVE' and d.next_attempt_at <= now()
                  and (d.leased_until is null or d.leased_until < now())
                  and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id
                                  and e.order_key = d.order_key and e.status = 'PENDING' and e.seq < d.seq)
            ), busy as (
                select * from unnest(?::uuid[], ?::int[]) as b(subscription_id, sending)
            ), picked as (
                select c.seq from candidates c left join busy b on b.subscription_id = c.subscription_id
                where c.place <= ? - coalesce(b.sending, 0)
                order by c.seq limit ?
            ), claimed as (
                update delivery d set leased_until = now() + ? * interval '1 millisecond'
                from picked p
                where d.seq = p.seq and d.status = 'PENDING' and (d.leased_until is null or d.leased_until < now())
                returning d.seq, d.subscription_id, d.event_id, d.attempts, d.failing_since
            )
            select c.seq, c.subscription_id, c.event_id, e.type, e.body, s.url, s.secret, c.attempts, c.failing_since
            from claimed c join event e on e.id = c.event_id join subscription s on s.id = c.subscription_id
            order by c.seq
            """;

    private final Jdbc jdbc;

    public DeliveryQueue(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Claimed> claim(int limit, int maxInFlight, Map<UUID, Integer> busy, Duration lease) {
        return jdbc.work(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setArray(1, connection.createArrayOf("uuid", busy.keySet().toArray()));
                claim.setArray(2, connection.createArrayOf("int4", busy.values().toArray()));
                claim.setInt(3, maxInFlight);
                claim.setInt(4, limit);
                claim.setLong(5, lease.toMillis());
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Claimed(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4),
                                rows.getString(5), URI.create(rows.getString(6)), rows.getString(7), rows.getInt(8),
                                Jdbc.instant(rows.getTimestamp(9))));
                    }
                }
                return claimed;
            }
        });
    }

    /** The receiver answered 2xx. */
    public void delivered(long seq, Attempt attempt) {
        record(seq, attempt);
        jdbc.update("update delivery set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, failing_since = null, "
                + "leased_until = null, last_status_code = ?, last_error = null, last_latency_ms = ? where seq = ?",
                attempt.at(), attempt.statusCode(), attempt.latencyMillis(), seq);
    }

    /** The attempt failed; the next one is due at {@code next}. */
    public void failed(long seq, Attempt attempt, Instant failingSince, Instant next) {
        record(seq, attempt);
        jdbc.update("update delivery set attempts = attempts + 1, failing_since = ?, next_attempt_at = ?, leased_until = null, "
                + "last_status_code = ?, last_error = ?, last_latency_ms = ? where seq = ?",
                failingSince, next, attempt.statusCode(), attempt.error(), attempt.latencyMillis(), seq);
    }

    /** Stops a subscription's deliveries (if it is still active); what is waiting stays queued for when it is reactivated. */
    public void suspend(UUID subscriptionId, String reason, Instant at) {
        jdbc.update("update subscription set status = 'SUSPENDED', suspended_reason = ?, suspended_at = ?, version = version + 1 "
                + "where id = ? and status = 'ACTIVE'", reason, at, subscriptionId);
    }

    private void record(long seq, Attempt attempt) {
        jdbc.update("insert into delivery_attempt (delivery_seq, attempted_at, status_code, error, latency_ms) values (?, ?, ?, ?, ?)",
                seq, attempt.at(), attempt.statusCode(), attempt.error(), attempt.latencyMillis());
    }

    /** Deletes what is older than the retention: delivered deliveries (with their attempts), then events no delivery needs. */
    public int purge(Instant before) {
        int deliveries = jdbc.update("delete from delivery where status = 'DELIVERED' and delivered_at < ?", before);
        jdbc.update("delete from event e where e.received_at < ? and not exists (select 1 from delivery d where d.event_id = e.id)",
                before);
        return deliveries;
    }
}
