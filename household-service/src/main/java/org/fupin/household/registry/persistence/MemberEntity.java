package org.fupin.household.registry.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.duplicates.domain.Person;
import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Gender;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.NameSearch;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.Relation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of the household_member table. */
@Entity
@Table(name = "household_member")
public class MemberEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    public HouseholdEntity household;

    @Column(nullable = false)
    public String name;

    @Column(name = "id_number", nullable = false, length = 18)
    public String idNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relation relation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Health health;

    @Column(name = "disability_grade")
    public Integer disabilityGrade;

    @Column(name = "severe_mental_illness", nullable = false)
    public boolean severeMentalIllness;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Education education;

    @Enumerated(EnumType.STRING)
    @Column(name = "labor_capacity", nullable = false)
    public LaborCapacity laborCapacity;

    @Column(name = "medical_insurance", nullable = false)
    public boolean medicalInsurance;

    @Column(name = "migrant_worker", nullable = false)
    public boolean migrantWorker;

    /** The name as search compares it (simplified script, lower case); kept in step with {@link #name}. */
    @Column(name = "name_search", nullable = false)
    public String nameSearch;

    /** How the name reads (张伟 and 章伟: zhangwei), the duplicate check's key; kept in step with {@link #name}. */
    @Column(name = "name_pinyin")
    public String namePinyin;

    /** The day the member joined, for one added after the household's registration; null for one registered with it. */
    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "removed_reason")
    public String removedReason;

    @Column(name = "removed_on")
    public LocalDate removedOn;

    @Version
    public long version;

    /** The first day the member counts in its household: the day it joined, or the household's registration. */
    public LocalDate firstDay() {
        return joinedOn != null ? joinedOn : household.registeredOn;
    }

    /** The member's facts as recorded, as a request would state them. */
    public NewMember stated() {
        return new NewMember(name, idNumber, relation, health, disabilityGrade, severeMentalIllness, education, laborCapacity,
                medicalInsurance, migrantWorker);
    }

    /** Records the member's facts as stated (they passed the rules); gender and birth date come from the ID number. */
    public void restate(NewMember stated, IdNumber parsed) {
        name = stated.name().strip();
        nameSearch = NameSearch.normalize(name);
        namePinyin = Person.pinyinOf(name);
        idNumber = parsed.value();
        gender = parsed.gender();
        birthDate = parsed.birthDate();
        relation = stated.relation();
        health = stated.health();
        disabilityGrade = stated.disabilityGrade();
        severeMentalIllness = stated.severeMentalIllness();
        education = stated.education();
        laborCapacity = stated.laborCapacity();
        medicalInsurance = stated.medicalInsurance();
        migrantWorker = stated.migrantWorker();
    }

    /** The recorded ID number, valid by construction. */
    public IdNumber parsedIdNumber() {
        return new IdNumber(idNumber, birthDate, gender);
    }

    @PrePersist
    @PreUpdate
    void indexName() {
        nameSearch = NameSearch.normalize(name);
        namePinyin = Person.pinyinOf(name);
    }
}
