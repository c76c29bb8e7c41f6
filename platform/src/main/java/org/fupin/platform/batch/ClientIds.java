package org.fupin.platform.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * The ids apps make for what they write offline, each with a digest of the item and what it wrote, in the service's
 * {@code sync_item} table (each service that takes batches creates it in its own migrations): the same item sent again
 * is a duplicate of the first, another item under a used id is refused. Runs in the caller's transaction, so an id is
 * remembered exactly when its write commits.
 */
@ApplicationScoped
public class ClientIds {

    /** An item written before under the same id. */
    public record Earlier(String contentHash, UUID recordId) {
    }

    private final EntityManager entityManager;

    public ClientIds(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * What was written under this id before, when the same item was sent; empty when the id is new. Another item
     * under a used id is a refusal {@code client-id-conflict}.
     */
    public Optional<UUID> earlier(UUID clientId, String contentHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select content_hash, record_id from sync_item where client_id = :id")
                .setParameter("id", clientId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!contentHash.equals(rows.get(0)[0])) {
            throw conflict(clientId.toString());
        }
        return Optional.of((UUID) rows.get(0)[1]);
    }

    public void remember(UUID clientId, String kind, UUID aggregateId, String contentHash, UUID recordId, String actor) {
        entityManager.createNativeQuery("insert into sync_item (client_id, kind, aggregate_id, content_hash, record_id, recorded_by, "
                + "recorded_at) values (:id, :kind, :aggregate, :hash, :record, :actor, :at)")
                .setParameter("id", clientId).setParameter("kind", kind).setParameter("aggregate", aggregateId)
                .setParameter("hash", contentHash).setParameter("record", recordId).setParameter("actor", actor)
                .setParameter("at", Instant.now())
                .executeUpdate();
    }

    static Refusal conflict(String clientId) {
        return new Refusal(Refusal.Kind.CONFLICT, "client-id-conflict", "Another item was sent under id " + clientId
                + " before; give each item an id of its own.", List.of(new Violation("id", "client-id-conflict",
                "This id was used for another item.")));
    }
}
