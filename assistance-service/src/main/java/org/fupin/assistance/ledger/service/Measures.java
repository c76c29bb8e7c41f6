package org.fupin.assistance.ledger.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.assistance.ledger.domain.MeasureFacts;
import org.fupin.assistance.ledger.domain.MeasureRules;
import org.fupin.assistance.ledger.domain.MeasureStatus;
import org.fupin.assistance.ledger.persistence.MeasureEntity;
import org.fupin.assistance.organisation.service.References;
import org.fupin.assistance.pairing.domain.PairingRefusal;
import org.fupin.assistance.replica.service.HouseholdFacts;
import org.fupin.assistance.replica.service.Regions;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.platform.web.MergePatch;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * Keeps the ledger of assistance measures by {@link MeasureRules}: records, changes and household
 * confirmations, each with its event ({@code measure.recorded}, {@code measure.updated},
 * {@code measure.confirmed}) in the same transaction.
 */
@ApplicationScoped
public class Measures {

    /** What a merge patch may change; the rest of a measure is fixed once recorded. */
    public static final Set<String> PATCHABLE = Set.of("status", "amount", "description");

    private final EntityManager entityManager;
    private final MeasureSearch search;
    private final HouseholdFacts households;
    private final Regions regions;
    private final References references;
    private final Outbox outbox;
    private final AssistanceConfig config;

    public Measures(EntityManager entityManager, MeasureSearch search, HouseholdFacts households, Regions regions,
            References references, Outbox outbox, AssistanceConfig config) {
        this.entityManager = entityManager;
        this.search = search;
        this.households = households;
        this.regions = regions;
        this.references = references;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public MeasureEntity record(MeasureFacts measure, RegionScope scope, String actor) {
        List<Violation> errors = MeasureRules.check(measure, today());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        String villageCode;
        if (measure.householdId() != null) {
            HouseholdFacts.Household household = households.require(measure.householdId(), scope, "householdId");
            if (household.removed()) {
                throw PairingRefusal.HOUSEHOLD_REMOVED.because("Household " + household.id()
                        + " was removed from the register; it gets no new measures.");
            }
            villageCode = household.villageCode();
        } else {
            regions.requireVillage(measure.villageCode(), scope, "villageCode");
            villageCode = measure.villageCode();
        }
        switch (measure.providerKind()) {
            case HELPER -> references.helper(measure.providerId(), "provider.id", scope);
            case UNIT -> references.unit(measure.providerId(), "provider.id", scope);
            case GROUP -> references.group(measure.providerId(), "provider.id", scope);
        }
        MeasureEntity entity = new MeasureEntity();
        entity.id = UUID.randomUUID();
        entity.type = measure.type();
        entity.householdId = measure.householdId();
        entity.villageCode = villageCode;
        entity.providerKind = measure.providerKind();
        entity.providerId = measure.providerId();
        entity.amount = MeasureRules.money(measure.amount());
        entity.startedOn = measure.startedOn();
        entity.status = measure.status();
        entity.description = blankToNull(measure.description());
        entity.createdAt = Instant.now();
        entity.createdBy = actor;
        entity.updatedAt = entity.createdAt;
        entity.persistAndFlush();
        outbox.record(entity.id.toString(), MeasureEvents.recorded(entity));
        return entity;
    }

    @Transactional
    public MeasureEntity patch(UUID id, MergePatch patch, ExpectedVersion expected, RegionScope scope) {
        MeasureEntity measure = search.get(id, scope);
        expected.check(measure.version);
        MeasureStatus status = patch.has("status") ? patch.value("status", MeasureStatus.class) : measure.status;
        BigDecimal amount = patch.has("amount") ? patch.value("amount", BigDecimal.class) : measure.amount;
        String description = patch.has("description") ? blankToNull(patch.value("description", String.class)) : measure.description;
        List<Violation> errors = MeasureRules.check(new MeasureFacts(measure.type, measure.householdId,
                measure.householdId == null ? measure.villageCode : null, measure.providerKind, measure.providerId, amount,
                measure.startedOn, status, description), today());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        MeasureRules.toChangeStatus(measure.status, status).ifPresent(refusal -> {
            throw refusal.because("A measure moves forward only (PLANNED, IN_PROGRESS, COMPLETED); it is " + measure.status + ".");
        });
        MeasureRules.toChangeAmount(measure.confirmed(), measure.amount, amount).ifPresent(refusal -> {
            throw refusal.because("The household confirmed receiving " + measure.amount.toPlainString()
                    + " CNY on " + measure.confirmedOn + "; the amount cannot change.");
        });
        List<String> changed = new ArrayList<>();
        if (status != measure.status) {
            changed.add("status");
        }
        if (amount.compareTo(measure.amount) != 0) {
            changed.add("amount");
        }
        if (!Objects.equals(description, measure.description)) {
            changed.add("description");
        }
        if (changed.isEmpty()) {
            return measure;
        }
        measure.status = status;
        measure.amount = MeasureRules.money(amount);
        measure.description = description;
        measure.updatedAt = Instant.now();
        measure.persistAndFlush();
        outbox.record(measure.id.toString(), MeasureEvents.updated(measure, changed, today()));
        return measure;
    }

    /** The household confirms it received the measure; the row is locked so that two confirmations cannot both pass. */
    @Transactional
    public MeasureEntity confirm(UUID id, LocalDate confirmedOn, RegionScope scope, String actor) {
        MeasureEntity measure = search.get(id, scope);
        entityManager.refresh(measure, LockModeType.PESSIMISTIC_WRITE);
        MeasureRules.toConfirm(measure.householdId != null, measure.status, measure.confirmed()).ifPresent(refusal -> {
            throw refusal.because(switch (refusal) {
                case NOT_A_HOUSEHOLD_MEASURE -> "Measure " + id + " is for village " + measure.villageCode
                        + "; only household measures are confirmed.";
                case ALREADY_CONFIRMED -> "Measure " + id + " was confirmed on " + measure.confirmedOn + ".";
                case MEASURE_NOT_STARTED -> "Measure " + id + " is still PLANNED; a household confirms what it received.";
                default -> refusal.code();
            });
        });
        LocalDate today = today();
        LocalDate date = confirmedOn == null ? today : confirmedOn;
        List<Violation> errors = MeasureRules.checkConfirmation(date, measure.startedOn, today);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        measure.confirmedOn = date;
        measure.confirmedAt = Instant.now();
        measure.confirmedBy = actor;
        measure.updatedAt = measure.confirmedAt;
        measure.persistAndFlush();
        outbox.record(measure.id.toString(), MeasureEvents.confirmed(measure));
        return measure;
    }

    private LocalDate today() {
        return LocalDate.now(config.zone());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
