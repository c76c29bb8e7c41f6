package org.fupin.household.registry.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.fupin.events.household.HouseholdAssessed;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.domain.Assessment;
import org.fupin.household.registry.domain.Dimension;
import org.fupin.household.registry.domain.PovertyLines;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.household.registry.persistence.AssessmentEntity;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * Records assessments (兩不愁三保障). The newest assessment also sets the household's current income,
 * so that the register shows what was last measured.
 */
@ApplicationScoped
public class HouseholdAssessments {

    /** The history action of an assessment. */
    public static final String ASSESS = "ASSESS";

    /** An assessment as stored, with the verdict of the poverty line of its year. */
    public record Recorded(AssessmentEntity assessment, boolean meetsAllGuarantees, List<Dimension> failingDimensions) {
    }

    private final HouseholdLoader households;
    private final HouseholdHistory history;
    private final Outbox outbox;
    private final RegistryConfig config;
    private final Event<AssessmentRecorded> recorded;

    public HouseholdAssessments(HouseholdLoader households, HouseholdHistory history, Outbox outbox, RegistryConfig config,
            Event<AssessmentRecorded> recorded) {
        this.households = households;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
        this.recorded = recorded;
    }

    @Transactional
    public Recorded record(UUID householdId, Assessment assessment, RegionScope scope, String actor) {
        HouseholdEntity household = households.inScope(householdId, scope);
        LocalDate today = LocalDate.now(config.zone());
        if (assessment.assessedOn().isAfter(today)
                || assessment.assessedOn().getYear() < RegistrationRules.FIRST_IDENTIFICATION_YEAR) {
            throw Refusal.invalid(List.of(new Violation("assessedOn", "assessed-on-range",
                    "The assessment date lies between " + RegistrationRules.FIRST_IDENTIFICATION_YEAR + " and today.")));
        }
        Optional<AssessmentEntity> latest = AssessmentEntity.latestOnOrBefore(householdId, today);
        boolean newest = latest.isEmpty() || !assessment.assessedOn().isBefore(latest.get().assessedOn);

        AssessmentEntity entity = new AssessmentEntity();
        entity.id = UUID.randomUUID();
        entity.householdId = householdId;
        entity.assessedOn = assessment.assessedOn();
        entity.food = assessment.food();
        entity.clothing = assessment.clothing();
        entity.compulsoryEducation = assessment.compulsoryEducation();
        entity.basicMedical = assessment.basicMedical();
        entity.housingSafetyGrade = assessment.housingSafetyGrade();
        entity.drinkingWater = assessment.drinkingWater();
        entity.annualIncomePerCapita = assessment.annualIncomePerCapita();
        entity.recordedAt = Instant.now();
        entity.recordedBy = actor;
        entity.persist();

        List<Dimension> failing = assessment.failingDimensions(
                new PovertyLines(config.povertyLine()).forYear(assessment.assessedOn().getYear()));
        Map<String, Object> before = HouseholdSnapshot.of(household);
        boolean incomeChanged = newest && household.annualIncomePerCapita.compareTo(assessment.annualIncomePerCapita()) != 0;
        if (incomeChanged) {
            household.annualIncomePerCapita = assessment.annualIncomePerCapita();
            household.updatedAt = Instant.now();
            household.persistAndFlush();
        }
        List<FieldChange> changes = new ArrayList<>(Changes.between(before, HouseholdSnapshot.of(household)));
        changes.add(new FieldChange("assessments[" + entity.id + "]", null, Map.of(
                "assessedOn", entity.assessedOn.toString(),
                "meetsAllGuarantees", assessment.meetsAllGuarantees(),
                "failingDimensions", failing.stream().map(Enum::name).toList())));
        history.record(householdId, actor, ASSESS, null, changes);
        outbox.record(householdId.toString(), new HouseholdAssessed(householdId, entity.id, entity.assessedOn,
                entity.food, entity.clothing, entity.compulsoryEducation, entity.basicMedical,
                entity.housingSafetyGrade.name(), entity.drinkingWater, entity.annualIncomePerCapita,
                assessment.meetsAllGuarantees(), failing.stream().map(Enum::name).toList()));
        if (incomeChanged) {
            outbox.record(householdId.toString(), HouseholdEvents.updated(household, List.of("annualIncomePerCapita"), entity.assessedOn));
        }
        recorded.fire(new AssessmentRecorded(household, entity, assessment.failingGuarantees()));
        return new Recorded(entity, assessment.meetsAllGuarantees(), failing);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Recorded> of(UUID householdId, RegionScope scope) {
        households.inScope(householdId, scope);
        PovertyLines lines = new PovertyLines(config.povertyLine());
        return AssessmentEntity.of(householdId).stream()
                .map(a -> new Recorded(a, a.toDomain().meetsAllGuarantees(),
                        a.toDomain().failingDimensions(lines.forYear(a.assessedOn.getYear()))))
                .toList();
    }
}
