package org.fupin.household.sync.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.service.Actor;
import org.fupin.household.cases.service.CaseSteps;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdAssessments;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Refusal;
import org.fupin.platform.batch.ClientIds;
import org.fupin.platform.batch.ItemByItem;
import org.fupin.security.RegionScope;

/**
 * Applies what an app wrote offline, item by item, each in its own transaction: every item gets its own answer in
 * request order and one refused item changes nothing else. An item based on a version of its household (or case) that
 * is no longer the current one is not applied: it answers CONFLICT with the household (or case) as it is now, for the
 * user to look at and send again (with a new id) or drop.
 */
@ApplicationScoped
public class HouseholdBatch {

    /** A batch holds at most this many items. */
    public static final int MAX_ITEMS = 500;

    public enum Outcome { ACCEPTED, DUPLICATE, CONFLICT, REJECTED }

    /**
     * The answer for one item.
     *
     * @param recordId the id of what was written (the assessment, or the case a step was done on), for ACCEPTED and
     *        DUPLICATE
     * @param currentVersion for CONFLICT: the version of the household or case now
     * @param currentHousehold for an ASSESSMENT's CONFLICT: the household as the caller may see it
     * @param currentCase for a case step's CONFLICT: the case as it is now
     */
    public record ItemResult<H, C>(String clientId, Outcome outcome, UUID recordId, Refusal refusal, Long currentVersion,
            H currentHousehold, C currentCase) {
    }

    /** How the caller sees what a CONFLICT answers with; applied inside the item's transaction. */
    public record Viewers<H, C>(Function<HouseholdEntity, H> household, Function<CaseEntity, C> caseView) {
    }

    private final HouseholdAssessments assessments;
    private final CaseSteps steps;
    private final ClientIds clientIds;

    public HouseholdBatch(HouseholdAssessments assessments, CaseSteps steps, ClientIds clientIds) {
        this.assessments = assessments;
        this.steps = steps;
        this.clientIds = clientIds;
    }

    /**
     * @param idOf the item's client id as sent (for the answer, even when the item is unreadable)
     * @param reader turns an item into a {@link BatchItem}, or throws the refusal a single request would get
     */
    public <I, H, C> List<ItemResult<H, C>> apply(List<I> items, Function<I, String> idOf, Function<I, BatchItem> reader,
            RegionScope scope, Actor actor, Viewers<H, C> viewers) {
        return ItemByItem.apply(items, MAX_ITEMS, "items", item -> one(reader.apply(item), scope, actor, viewers),
                (item, refusal) -> new ItemResult<>(idOf.apply(item), Outcome.REJECTED, null, refusal, null, null, null));
    }

    private <H, C> ItemResult<H, C> one(BatchItem item, RegionScope scope, Actor actor, Viewers<H, C> viewers) {
        String clientId = item.clientId().toString();
        if (!item.kind().allows(actor.roles())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden", "Your role may not send items of kind " + item.kind()
                    + ", as it may not make the same write alone.");
        }
        Optional<UUID> earlier = clientIds.earlier(item.clientId(), item.contentHash());
        if (earlier.isPresent()) {
            return new ItemResult<>(clientId, Outcome.DUPLICATE, earlier.get(), null, null, null, null);
        }
        UUID recordId;
        if (item instanceof BatchItem.Assessing assessing) {
            // Locked, so that no change of the household slips in between the version check and the write.
            HouseholdEntity household = scope.require(HouseholdEntity.<HouseholdEntity>findById(item.targetId(),
                    LockModeType.PESSIMISTIC_WRITE), h -> h.villageCode, "Household " + item.targetId());
            if (household.version != item.baseVersion()) {
                return new ItemResult<>(clientId, Outcome.CONFLICT, null, null, household.version,
                        viewers.household().apply(household), null);
            }
            recordId = assessments.record(item.targetId(), assessing.assessment(), scope, actor.display()).assessment().id;
        } else {
            CaseEntity c = scope.require(CaseEntity.<CaseEntity>findById(item.targetId(), LockModeType.PESSIMISTIC_WRITE),
                    found -> found.villageCode, "Case " + item.targetId());
            if (c.version != item.baseVersion()) {
                return new ItemResult<>(clientId, Outcome.CONFLICT, null, null, c.version, null, viewers.caseView().apply(c));
            }
            step(item, scope, actor);
            recordId = c.id;
        }
        clientIds.remember(item.clientId(), item.kind().name(), item.targetId(), item.contentHash(), recordId, actor.display());
        return new ItemResult<>(clientId, Outcome.ACCEPTED, recordId, null, null, null, null);
    }

    /** The step, with the stage's own rules (order, dates, four eyes) and events, as a single request would do it. */
    private void step(BatchItem item, RegionScope scope, Actor actor) {
        ExpectedVersion expected = ExpectedVersion.of(item.baseVersion());
        if (item instanceof BatchItem.Verifying verifying) {
            steps.verify(item.targetId(), verifying.verification(), expected, scope, actor);
        } else if (item instanceof BatchItem.Acknowledging acknowledging) {
            steps.acknowledge(item.targetId(), acknowledging.acknowledgement(), expected, scope, actor);
        } else if (item instanceof BatchItem.Appraising appraising) {
            steps.appraise(item.targetId(), appraising.appraisal(), expected, scope, actor);
        }
    }
}
