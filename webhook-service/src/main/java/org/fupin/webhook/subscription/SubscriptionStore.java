package org.fupin.webhook.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.webhook.sql.SqlArrays;

/** Subscriptions in the database; callers hold the transaction. */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS = "id, owner, region_code, url, event_types, secret, description, status, "
            + "suspended_reason, suspended_at, created_at, created_by, version";

    private final EntityManager entityManager;

    public SubscriptionStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void insert(Subscription s) {
        entityManager.createNativeQuery("insert into subscription (" + COLUMNS + ") values (:id, :owner, :region, :url, "
                        + "cast(:types as text[]), :secret, cast(:description as text), :status, cast(:reason as text), "
                        + "cast(:suspendedAt as timestamptz), :createdAt, :createdBy, "
                        + ":version)")
                .setParameter("id", s.id()).setParameter("owner", s.owner()).setParameter("region", s.regionCode())
                .setParameter("url", s.url().toString()).setParameter("types", SqlArrays.literal(s.eventTypes()))
                .setParameter("secret", s.secret()).setParameter("description", s.description())
                .setParameter("status", s.status().name()).setParameter("reason", s.suspendedReason())
                .setParameter("suspendedAt", s.suspendedAt()).setParameter("createdAt", s.createdAt())
                .setParameter("createdBy", s.createdBy()).setParameter("version", s.version())
                .executeUpdate();
    }

    /** The subscription, locked for a change when {@code forUpdate}. Deleted ones are found too: callers judge. */
    public Optional<Subscription> find(UUID id, boolean forUpdate) {
        Query query = entityManager.createNativeQuery("select " + COLUMNS + " from subscription where id = :id"
                + (forUpdate ? " for update" : "")).setParameter("id", id);
        return Rows.list(query, SubscriptionStore::read).stream().findFirst();
    }

    /** Every subscription that is not deleted: few enough (one per receiving system and region) to match in memory. */
    public List<Subscription> live() {
        return Rows.list(entityManager.createNativeQuery("select " + COLUMNS + " from subscription where status <> 'DELETED' "
                + "order by seq"), SubscriptionStore::read);
    }

    /** The subscriptions that are not deleted, in order of creation, after the given sequence, with their sequence. */
    public List<Numbered> page(String regionPrefix, String owner, long afterSeq, int limit) {
        Query query = entityManager.createNativeQuery("select seq, " + COLUMNS + " from subscription where status <> 'DELETED' "
                        + "and (cast(:region as text) is null or (region_code <> '' and region_code like :region || '%')) "
                        + "and (cast(:owner as text) is null or owner = :owner) and seq > :after order by seq limit :limit")
                .setParameter("region", regionPrefix == null || regionPrefix.isEmpty() ? null : regionPrefix)
                .setParameter("owner", owner).setParameter("after", afterSeq).setParameter("limit", limit);
        return Rows.list(query, row -> new Numbered(row.count("seq"), read(row)));
    }

    /** A subscription with its place in the order of creation (the list's cursor). */
    public record Numbered(long seq, Subscription subscription) {
    }

    public void updateStatus(UUID id, Subscription.Status status, String reason, Instant at) {
        entityManager.createNativeQuery("update subscription set status = :status, suspended_reason = cast(:reason as text), "
                        + "suspended_at = cast(:at as timestamptz), version = version + 1 where id = :id")
                .setParameter("status", status.name()).setParameter("reason", reason).setParameter("at", at)
                .setParameter("id", id).executeUpdate();
    }

    /** A deleted subscription's waiting deliveries are dropped; the delivered part of the log goes with the retention. */
    public void dropWaitingDeliveries(UUID id) {
        entityManager.createNativeQuery("delete from delivery where subscription_id = :id and status = 'PENDING'")
                .setParameter("id", id).executeUpdate();
    }

    /** A reactivated subscription's waiting deliveries are due now, with a fresh day of retries. */
    public void resumeWaitingDeliveries(UUID id) {
        entityManager.createNativeQuery("update delivery set failing_since = null, next_attempt_at = now() "
                + "where subscription_id = :id and status = 'PENDING'").setParameter("id", id).executeUpdate();
    }

    private static Subscription read(Row row) {
        return new Subscription(row.uuid("id"), row.text("owner"), row.text("region_code"), URI.create(row.text("url")),
                row.texts("event_types"), row.text("secret"), row.text("description"),
                Subscription.Status.valueOf(row.text("status")), row.text("suspended_reason"), row.instantOrNull("suspended_at"),
                row.instantOrNull("created_at"), row.text("created_by"), row.count("version"));
    }
}
