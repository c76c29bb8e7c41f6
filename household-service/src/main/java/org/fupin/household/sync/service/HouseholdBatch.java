package org.fupin.household.sync.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdAssessments;
import org.fupin.household.sync.domain.BatchItem;
import org.fupin.platform.batch.ClientIds;
import org.fupin.platform.batch.ItemByItem;
import org.fupin.kernel.Refusal;
import org.fupin.security.RegionScope;

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
    private final ClientIds clientIds;

    public HouseholdBatch(HouseholdAssessments assessments, ClientIds clientIds) {
        this.assessments = assessments;
        this.clientIds = clientIds;
    }

    /**
     * @param idOf the item's client id as sent (for the answer, even when the item is unreadable)
     * @param reader turns an item into a {@link BatchItem}, or throws the refusal a single request would get
     * @param viewer the household as the caller may see it, for a CONFLICT's answer
     */
    public <I, T> List<ItemResult<T>> apply(List<I> items, Function<I, String> idOf, Function<I, BatchItem> reader, RegionScope scope,
            String actor, Function<HouseholdEntity, T> viewer) {
        return ItemByItem.apply(items, MAX_ITEMS, "items", item -> one(reader.apply(item), scope, actor, viewer),
                (item, refusal) -> new ItemResult<>(idOf.apply(item), Outcome.REJECTED, null, refusal, null, null));
    }

    private <T> ItemResult<T> one(BatchItem item, RegionScope scope, String actor, Function<HouseholdEntity, T> viewer) {
        String clientId = item.clientId().toString();
        Optional<UUID> earlier = clientIds.earlier(item.clientId(), item.contentHash());
        if (earlier.isPresent()) {
            return new ItemResult<>(clientId, Outcome.DUPLICATE, earlier.get(), null, null, null);
        }
        // Locked, so that no change of the household slips in between the version check and the write.
        HouseholdEntity household = scope.require(HouseholdEntity.<HouseholdEntity>findById(item.householdId(), LockModeType.PESSIMISTIC_WRITE),
                h -> h.villageCode, "Household " + item.householdId());
        if (household.version != item.baseVersion()) {
            return new ItemResult<>(clientId, Outcome.CONFLICT, null, null, household.version, viewer.apply(household));
        }
        UUID recordId = assessments.record(item.householdId(), item.assessment(), scope, actor).assessment().id;
        clientIds.remember(item.clientId(), item.kind().name(), item.householdId(), item.contentHash(), recordId, actor);
        return new ItemResult<>(clientId, Outcome.ACCEPTED, recordId, null, null, null);
    }
}
