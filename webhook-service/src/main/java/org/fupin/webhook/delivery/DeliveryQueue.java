package org.fupin.webhook.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.fupin.platform.sql.Rows;
import org.fupin.webhook.sql.SqlArrays;

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
                select * from unnest(cast(:busySubscriptions as uuid[]), cast(:busyCounts as int[])) as b(subscription_id, sending)
            ), picked as (
                select c.seq from candidates c left join busy b on b.subscription_id = c.subscription_id
                where c.place <= :maxInFlight - coalesce(b.sending, 0)
                order by c.seq limit :limit
            ), claimed as (
                update delivery d set leased_until = now() + :leaseMillis * interval '1 millisecond'
                from picked p
                where d.seq = p.seq and d.status = 'PENDING' and (d.leased_until is null or d.leased_until < now())
                returning d.seq, d.subscription_id, d.event_id, d.attempts, d.failing_since
            )
            select c.seq, c.subscription_id, c.event_id, e.type, e.body, s.url, s.secret, c.attempts, c.failing_since
            from claimed c join event e on e.id = c.event_id join subscription s on s.id = c.subscription_id
            order by c.seq
            """;

    private final EntityManager entityManager;

    public DeliveryQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Claimed> claim(int limit, int maxInFlight, Map<UUID, Integer> busy, Duration lease) {
        Query claim = entityManager.createNativeQuery(CLAIM)
                .setParameter("busySubscriptions", SqlArrays.literal(busy.keySet()))
                .setParameter("busyCounts", SqlArrays.literal(busy.values()))
                .setParameter("maxInFlight", maxInFlight).setParameter("limit", limit).setParameter("leaseMillis", lease.toMillis());
        return Rows.list(claim, row -> new Claimed(row.count("seq"), row.uuid("subscription_id"), row.text("event_id"),
                row.text("type"), row.text("body"), URI.create(row.text("url")), row.text("secret"), (int) row.count("attempts"),
                row.instantOrNull("failing_since")));
    }

    /** The receiver answered 2xx. */
    public void delivered(long seq, Attempt attempt) {
        record(seq, attempt);
        entityManager.createNativeQuery("update delivery set status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, "
                        + "failing_since = null, leased_until = null, last_status_code = :statusCode, last_error = null, "
                        + "last_latency_ms = :latency where seq = :seq")
                .setParameter("at", attempt.at()).setParameter("statusCode", attempt.statusCode())
                .setParameter("latency", attempt.latencyMillis()).setParameter("seq", seq).executeUpdate();
    }

    /** The attempt failed; the next one is due at {@code next}. */
    public void failed(long seq, Attempt attempt, Instant failingSince, Instant next) {
        record(seq, attempt);
        entityManager.createNativeQuery("update delivery set attempts = attempts + 1, failing_since = :failingSince, "
                        + "next_attempt_at = :next, leased_until = null, last_status_code = cast(:statusCode as integer), "
                        + "last_error = cast(:error as text), last_latency_ms = :latency where seq = :seq")
                .setParameter("failingSince", failingSince).setParameter("next", next)
                .setParameter("statusCode", attempt.statusCode()).setParameter("error", attempt.error())
                .setParameter("latency", attempt.latencyMillis()).setParameter("seq", seq).executeUpdate();
    }

    /** Stops a subscription's deliveries (if it is still active); what is waiting stays queued for when it is reactivated. */
    public void suspend(UUID subscriptionId, String reason, Instant at) {
        entityManager.createNativeQuery("update subscription set status = 'SUSPENDED', suspended_reason = :reason, "
                        + "suspended_at = :at, version = version + 1 where id = :id and status = 'ACTIVE'")
                .setParameter("reason", reason).setParameter("at", at).setParameter("id", subscriptionId).executeUpdate();
    }

    private void record(long seq, Attempt attempt) {
        entityManager.createNativeQuery("insert into delivery_attempt (delivery_seq, attempted_at, status_code, error, latency_ms) "
                        + "values (:seq, :at, cast(:statusCode as integer), cast(:error as text), :latency)")
                .setParameter("seq", seq).setParameter("at", attempt.at()).setParameter("statusCode", attempt.statusCode())
                .setParameter("error", attempt.error()).setParameter("latency", attempt.latencyMillis()).executeUpdate();
    }

    /** Deletes what is older than the retention: delivered deliveries (with their attempts), then events no delivery needs. */
    public int purge(Instant before) {
        int deliveries = entityManager.createNativeQuery("delete from delivery where status = 'DELIVERED' and delivered_at < :before")
                .setParameter("before", before).executeUpdate();
        entityManager.createNativeQuery("delete from event e where e.received_at < :before "
                + "and not exists (select 1 from delivery d where d.event_id = e.id)").setParameter("before", before).executeUpdate();
        return deliveries;
    }
}
