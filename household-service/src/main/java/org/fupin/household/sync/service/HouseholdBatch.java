package org.fupin.household.sync.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdAssessments;
import org.fupin.household.sync.domain.BatchItem;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.security.RegionScope;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies what an app wrote offline, item by item, each in its own transaction: every item gets its own answer in
 * request order and one refused item changes nothing else. An item based on a version of its household that is no
 * longer the current one is not applied: it answers CONFLICT with the household as it is now, for the user to look
 * at and send again (with a new id) or drop.
 */
@ApplicationScoped
public class HouseholdBatch {

    /** A batch holds at most this many items. */
    public static final int MAX_ITEMS = 500;

    public enum Outcome { ACCEPTED, DUPLICATE, CONFLICT, REJECTED }

    /**
     * The answer for one item.
     *
     * @param recordId the id of what was written (the assessment), for ACCEPTED and DUPLICATE
     * @param current for CONFLICT: the household's version now and the household as the caller may see it
     */
    public record ItemResult<T>(String clientId, Outcome outcome, UUID recordId, Refusal refusal, Long currentVersion, T current) {
    }

    private final HouseholdAssessments assessments;
    private final EntityManager entityManager;

    public HouseholdBatch(HouseholdAssessments assessments, EntityManager entityManager) {
        this.assessments = assessments;
        this.entityManager = entityManager;
    }

    /**
     * @param idOf the item's client id as sent (for the answer, even when the item is unreadable)
     * @param reader turns an item into a {@link BatchItem}, or throws the refusal a single request would get
     * @param viewer the household as the caller may see it, for a CONFLICT's answer
     */
    public <I, T> List<ItemResult<T>> apply(List<I> items, Function<I, String> idOf, Function<I, BatchItem> reader, RegionScope scope,
            String actor, Function<HouseholdEntity, T> viewer) {
        if (items.size() > MAX_ITEMS) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "batch-too-large", "A batch holds at most " + MAX_ITEMS
                    + " items; this one has " + items.size() + ". Send the rest in another batch.");
        }
        List<ItemResult<T>> results = new ArrayList<>(items.size());
        for (I item : items) {
            String id = idOf.apply(item);
            try {
                BatchItem read = reader.apply(item);
                results.add(QuarkusTransaction.requiringNew().call(() -> one(read, scope, actor, viewer)));
            } catch (Refusal refusal) {
                results.add(new ItemResult<>(id, Outcome.REJECTED, null, refusal, null, null));
            } catch (PersistenceException e) {
                // Two requests sent the same new item at the same moment: the other one wrote it.
                if (!String.valueOf(e.getCause()).contains("sync_item_pkey") && !String.valueOf(e).contains("sync_item_pkey")) {
                    throw e;
                }
                results.add(new ItemResult<>(id, Outcome.REJECTED, null, new Refusal(Refusal.Kind.CONFLICT, "client-id-conflict",
                        "An item with id " + id + " was written by another request at the same moment; send it again to learn "
                                + "its outcome."), null, null));
            }
        }
        return results;
    }

    private <T> ItemResult<T> one(BatchItem item, RegionScope scope, String actor, Function<HouseholdEntity, T> viewer) {
        String clientId = item.clientId().toString();
        Optional<Object[]> earlier = earlier(item.clientId());
        if (earlier.isPresent()) {
            if (!item.contentHash().equals(earlier.get()[0])) {
                throw new Refusal(Refusal.Kind.CONFLICT, "client-id-conflict", "Another item was sent under id " + clientId
                        + " before; give each item an id of its own.", List.of(new Violation("id", "client-id-conflict",
                        "This id was used for another item.")));
            }
            return new ItemResult<>(clientId, Outcome.DUPLICATE, (UUID) earlier.get()[1], null, null, null);
        }
        // Locked, so that no change of the household slips in between the version check and the write.
        HouseholdEntity household = scope.require(HouseholdEntity.<HouseholdEntity>findById(item.householdId(), LockModeType.PESSIMISTIC_WRITE),
                h -> h.villageCode, "Household " + item.householdId());
        if (household.version != item.baseVersion()) {
            return new ItemResult<>(clientId, Outcome.CONFLICT, null, null, household.version, viewer.apply(household));
        }
        UUID recordId = assessments.record(item.householdId(), item.assessment(), scope, actor).assessment().id;
        entityManager.createNativeQuery("insert into sync_item (client_id, kind, household_id, content_hash, record_id, recorded_by, "
                + "recorded_at) values (:id, :kind, :household, :hash, :record, :actor, :at)")
                .setParameter("id", item.clientId()).setParameter("kind", item.kind().name())
                .setParameter("household", item.householdId()).setParameter("hash", item.contentHash())
                .setParameter("record", recordId).setParameter("actor", actor).setParameter("at", Instant.now())
                .executeUpdate();
        return new ItemResult<>(clientId, Outcome.ACCEPTED, recordId, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> earlier(UUID clientId) {
        List<Object[]> rows = entityManager.createNativeQuery("select content_hash, record_id from sync_item where client_id = :id")
                .setParameter("id", clientId).getResultList();
        return rows.stream().findFirst();
    }
}
