package org.fupin.household.registry.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fupin.household.registry.domain.Assessment;
import org.fupin.household.registry.domain.HousingSafetyGrade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of household_assessment. */
@Entity
@Table(name = "household_assessment")
public class AssessmentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Column(nullable = false)
    public boolean food;

    @Column(nullable = false)
    public boolean clothing;

    @Column(name = "compulsory_education", nullable = false)
    public boolean compulsoryEducation;

    @Column(name = "basic_medical", nullable = false)
    public boolean basicMedical;

    @Enumerated(EnumType.STRING)
    @Column(name = "housing_safety_grade", nullable = false, columnDefinition = "char(1)")
    public HousingSafetyGrade housingSafetyGrade;

    @Column(name = "drinking_water", nullable = false)
    public boolean drinkingWater;

    @Column(name = "annual_income_per_capita", nullable = false, precision = 12, scale = 2)
    public BigDecimal annualIncomePerCapita;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public Assessment toDomain() {
        return new Assessment(assessedOn, food, clothing, compulsoryEducation, basicMedical, housingSafetyGrade,
                drinkingWater, annualIncomePerCapita);
    }

    /** The latest assessment made on or before the date: the one that describes the household then. */
    public static Optional<AssessmentEntity> latestOnOrBefore(UUID householdId, LocalDate date) {
        return find("householdId = ?1 and assessedOn <= ?2 order by assessedOn desc, recordedAt desc", householdId, date)
                .firstResultOptional();
    }

    public static List<AssessmentEntity> of(UUID householdId) {
        return list("householdId = ?1 order by assessedOn, recordedAt", householdId);
    }
}
