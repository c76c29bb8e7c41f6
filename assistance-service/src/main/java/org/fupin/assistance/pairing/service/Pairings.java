package org.fupin.assistance.pairing.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.assistance.organisation.persistence.HelperEntity;
import org.fupin.assistance.organisation.service.Helpers;
import org.fupin.assistance.organisation.service.References;
import org.fupin.assistance.pairing.domain.EndReason;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.domain.PairingPolicy;
import org.fupin.assistance.pairing.domain.PairingRefusal;
import org.fupin.assistance.pairing.persistence.PairingEntity;
import org.fupin.assistance.persistence.Constraints;
import org.fupin.assistance.replica.service.HouseholdFacts;
import org.fupin.assistance.replica.service.Regions;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * Starts and ends pairings by {@link PairingPolicy}, recording {@code pairing.started} and
 * {@code pairing.ended} in the same transaction. A helper pairing locks the household's replica
 * row, then the helper's row, before it counts: concurrent requests for a helper's last place or
 * for one household are decided one after the other.
 */
@ApplicationScoped
public class Pairings {

    /** Who ends a pairing when household-service removes the household. */
    static final String REPLICA_ACTOR = "household.events";

    private static final String ONE_HELPER_PER_HOUSEHOLD = "pairing_one_helper_per_household";

    private final EntityManager entityManager;
    private final HouseholdFacts households;
    private final Regions regions;
    private final References references;
    private final Helpers helpers;
    private final Outbox outbox;
    private final AssistanceConfig config;

    public Pairings(EntityManager entityManager, HouseholdFacts households, Regions regions, References references,
            Helpers helpers, Outbox outbox, AssistanceConfig config) {
        this.entityManager = entityManager;
        this.households = households;
        this.regions = regions;
        this.references = references;
        this.helpers = helpers;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public PairingEntity start(NewPairing request, RegionScope scope, String actor) {
        LocalDate today = LocalDate.now(config.zone());
        LocalDate startDate = request.startDate() == null ? today : request.startDate();
        List<Violation> errors = new ArrayList<>(PairingPolicy.checkParties(request.kind(), request.helperId(),
                request.unitId(), request.groupId(), request.householdId(), request.villageCode()));
        errors.addAll(PairingPolicy.checkStart(startDate, today));
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return switch (request.kind()) {
            case HELPER_HOUSEHOLD -> startHelperPairing(UUID.randomUUID(), request.helperId(), "helperId",
                    request.householdId(), startDate, null, scope, scope, actor);
            case UNIT_VILLAGE, GROUP_VILLAGE -> startVillagePairing(request, startDate, scope, actor);
        };
    }

    /**
     * Ends a pairing, and hands a helper pairing over to {@code replacementHelperId} when given:
     * the old pairing ends (REPLACED unless another reason is given) and the new one starts on the
     * end date, in one transaction.
     */
    @Transactional
    public PairingEntity end(UUID id, PairingEnd end, ExpectedVersion expected, RegionScope scope, String actor) {
        PairingEntity pairing = scope.require(PairingEntity.<PairingEntity>findById(id), p -> p.villageCode, "Pairing " + id);
        HouseholdFacts.Household household = null;
        if (pairing.kind == PairingKind.HELPER_HOUSEHOLD) {
            // The household before the pairing row: the same lock order as starting a pairing.
            household = households.lock(pairing.householdId, RegionScope.all(), "householdId");
        }
        entityManager.refresh(pairing, LockModeType.PESSIMISTIC_WRITE);
        expected.check(pairing.version);
        String householdStatus = household == null ? null : household.status();
        PairingPolicy.toEnd(pairing.kind, !pairing.active(), householdStatus, pairing.helperId, end.replacementHelperId())
                .ifPresent(refusal -> {
                    throw refusal.because(endRefusalDetail(refusal, pairing, householdStatus));
                });
        LocalDate today = LocalDate.now(config.zone());
        LocalDate endDate = end.endDate() == null ? today : end.endDate();
        List<Violation> errors = PairingPolicy.checkEnd(pairing.kind, pairing.startDate, endDate, today, end.reason(),
                end.replacementHelperId());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        close(pairing, endDate, PairingPolicy.reasonOf(end.reason(), end.replacementHelperId()), actor);
        if (end.replacementHelperId() == null) {
            outbox.record(pairing.id.toString(), PairingEvents.ended(pairing, null));
            return pairing;
        }
        UUID replacementId = UUID.randomUUID();
        outbox.record(pairing.id.toString(), PairingEvents.ended(pairing, replacementId));
        // The pairing's village was checked against the caller's scope; the replacement helper is checked here.
        startHelperPairing(replacementId, end.replacementHelperId(), "replacementHelperId", pairing.householdId, endDate,
                pairing.id, RegionScope.all(), scope, actor);
        pairing.replacementPairingId = replacementId;
        entityManager.flush();
        return pairing;
    }

    /**
     * A household left the register: its helper pairing ends by itself, in the replica consumer's
     * transaction, so that the household's removal and the pairing's end are applied together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void householdRemoved(UUID householdId, LocalDate removedOn) {
        PairingEntity pairing = PairingEntity.activeHelperPairingOf(householdId);
        if (pairing == null) {
            return;
        }
        entityManager.lock(pairing, LockModeType.PESSIMISTIC_WRITE);
        close(pairing, PairingPolicy.removalEndDate(pairing.startDate, removedOn), EndReason.HOUSEHOLD_REMOVED, REPLICA_ACTOR);
        outbox.record(pairing.id.toString(), PairingEvents.ended(pairing, null));
    }

    /** A household moved to another village: its active pairing follows it, so that region scope follows it too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void householdMoved(UUID householdId, String villageCode) {
        entityManager.createQuery("""
                update PairingEntity set villageCode = :village, version = version + 1
                where householdId = :household and endDate is null and villageCode <> :village""")
                .setParameter("village", villageCode)
                .setParameter("household", householdId)
                .executeUpdate();
    }

    private PairingEntity startHelperPairing(UUID id, UUID helperId, String helperField, UUID householdId,
            LocalDate startDate, UUID replaces, RegionScope householdScope, RegionScope callerScope, String actor) {
        HouseholdFacts.Household household = households.lock(householdId, householdScope, "householdId");
        HelperEntity helper = references.lockHelper(helperId, helperField, callerScope);
        PairingEntity current = PairingEntity.activeHelperPairingOf(householdId);
        int active = helpers.activeHouseholds(helperId);
        PairingPolicy.toStartHelperPairing(household.status(), current != null, active, helper.maxHouseholds)
                .ifPresent(refusal -> {
                    throw refusal.because(startRefusalDetail(refusal, household, current, helper, active));
                });
        PairingEntity pairing = newPairing(id, PairingKind.HELPER_HOUSEHOLD, household.villageCode(), startDate, actor);
        pairing.helperId = helperId;
        pairing.householdId = householdId;
        pairing.replacesPairingId = replaces;
        persistClaimingHousehold(pairing);
        outbox.record(pairing.id.toString(), PairingEvents.started(pairing));
        return pairing;
    }

    private PairingEntity startVillagePairing(NewPairing request, LocalDate startDate, RegionScope scope, String actor) {
        regions.requireVillage(request.villageCode(), scope, "villageCode");
        UUID party;
        if (request.kind() == PairingKind.UNIT_VILLAGE) {
            party = references.unit(request.unitId(), "unitId", scope).id;
        } else {
            party = references.group(request.groupId(), "groupId", scope).id;
        }
        PairingPolicy.toStartVillagePairing(PairingEntity.villagePairingActive(request.kind(), party, request.villageCode()))
                .ifPresent(refusal -> {
                    throw refusal.because("This " + (request.kind() == PairingKind.UNIT_VILLAGE ? "unit" : "group")
                            + " is already paired with village " + request.villageCode() + ".");
                });
        PairingEntity pairing = newPairing(UUID.randomUUID(), request.kind(), request.villageCode(), startDate, actor);
        pairing.unitId = request.unitId();
        pairing.groupId = request.groupId();
        pairing.persistAndFlush();
        outbox.record(pairing.id.toString(), PairingEvents.started(pairing));
        return pairing;
    }

    private static PairingEntity newPairing(UUID id, PairingKind kind, String villageCode, LocalDate startDate, String actor) {
        PairingEntity pairing = new PairingEntity();
        pairing.id = id;
        pairing.kind = kind;
        pairing.villageCode = villageCode;
        pairing.startDate = startDate;
        pairing.createdAt = Instant.now();
        pairing.createdBy = actor;
        return pairing;
    }

    private void close(PairingEntity pairing, LocalDate endDate, EndReason reason, String actor) {
        pairing.endDate = endDate;
        pairing.endReason = reason;
        pairing.endedAt = Instant.now();
        pairing.endedBy = actor;
        // Flushed at once: the unique index of active pairings must see this one ended before a replacement is inserted.
        entityManager.flush();
    }

    /**
     * The locks make the check above decisive; the partial unique index is the last line of
     * defence should a writer ever bypass them, and answers like the check.
     */
    private void persistClaimingHousehold(PairingEntity pairing) {
        try {
            pairing.persistAndFlush();
        } catch (RuntimeException e) {
            if (Constraints.violated(e, ONE_HELPER_PER_HOUSEHOLD)) {
                throw PairingRefusal.HOUSEHOLD_ALREADY_PAIRED.because(
                        "Household " + pairing.householdId + " was paired with another helper a moment ago.");
            }
            throw e;
        }
    }

    private static String startRefusalDetail(PairingRefusal refusal, HouseholdFacts.Household household,
            PairingEntity current, HelperEntity helper, int active) {
        return switch (refusal) {
            case HOUSEHOLD_REMOVED -> "Household " + household.id() + " was removed from the register; it cannot be paired.";
            case HOUSEHOLD_ALREADY_PAIRED -> "Household " + household.id() + " already has an active helper (pairing "
                    + current.id + "); end that pairing with a replacementHelperId to change the helper.";
            case HELPER_CAPACITY_EXCEEDED -> "Helper " + helper.id + " already helps " + active + " of at most "
                    + helper.maxHouseholds + " households.";
            default -> refusal.code();
        };
    }

    private static String endRefusalDetail(PairingRefusal refusal, PairingEntity pairing, String householdStatus) {
        return switch (refusal) {
            case PAIRING_ALREADY_ENDED -> "Pairing " + pairing.id + " ended on " + pairing.endDate + ".";
            case PAIRING_REQUIRED -> "Household " + pairing.householdId + " is " + householdStatus
                    + ": exit does not end help (脫貧不脫鉤), so its helper pairing ends only with a replacementHelperId.";
            case REPLACEMENT_IS_CURRENT_HELPER -> "The replacement is the pairing's current helper.";
            case HOUSEHOLD_REMOVED -> "Household " + pairing.householdId + " was removed from the register; it gets no new helper.";
            default -> refusal.code();
        };
    }
}
