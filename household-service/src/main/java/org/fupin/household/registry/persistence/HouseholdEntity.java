package org.fupin.household.registry.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.registry.domain.Headship;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.HouseholdFacts;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.LifecycleState;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.Relation;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.household.registry.domain.RiskType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of the household table with its members. */
@Entity
@Table(name = "household")
public class HouseholdEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_no", nullable = false, unique = true)
    public String householdNo;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(nullable = false)
    public String address;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HouseholdCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> causes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "primary_cause", nullable = false)
    public PovertyCause primaryCause;

    @Column(name = "identified_year", nullable = false)
    public int identifiedYear;

    @Column(name = "annual_income_per_capita", nullable = false, precision = 12, scale = 2)
    public BigDecimal annualIncomePerCapita;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HouseholdStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_type")
    public RiskType riskType;

    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    /** Effective date of the current status; a later change may not take effect before it. */
    @Column(name = "status_since", nullable = false)
    public LocalDate statusSince;

    /** Whether the household has ever exited (脫貧); clearing a later risk returns it to EXITED. */
    @Column(name = "ever_exited", nullable = false)
    public boolean everExited;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<MemberEntity> members = new ArrayList<>();

    public List<PovertyCause> causeList() {
        return causes.stream().map(PovertyCause::valueOf).toList();
    }

    /** Where the household stands in its lifecycle. */
    public LifecycleState lifecycle() {
        return new LifecycleState(status, statusSince, noticeEndsOn, riskType, everExited);
    }

    /** Takes the state a transition (or the registration) led to. */
    public void enter(LifecycleState state) {
        status = state.status();
        statusSince = state.since();
        noticeEndsOn = state.noticeEndsOn();
        riskType = state.riskType();
        everExited = state.everExited();
    }

    /** The household's own facts as recorded. */
    public HouseholdFacts facts() {
        return new HouseholdFacts(villageCode, address, phone, category, causeList(), primaryCause, identifiedYear,
                annualIncomePerCapita);
    }

    /** Records the household's facts as stated (they passed the registration rules). */
    public void restate(HouseholdFacts stated) {
        HouseholdFacts facts = stated.normalized();
        villageCode = facts.villageCode();
        address = facts.address();
        phone = facts.phone();
        category = facts.category();
        causes = facts.causes().stream().map(Enum::name).toList();
        primaryCause = facts.primaryCause();
        identifiedYear = facts.identifiedYear();
        annualIncomePerCapita = facts.annualIncomePerCapita();
    }

    /**
     * Changes a member as stated; designating a new head makes the previous one OTHER (one head at a
     * time, {@link Headship}). Returns each member whose facts changed, with the facts before.
     */
    public Map<MemberEntity, NewMember> change(MemberEntity member, NewMember stated, IdNumber idNumber) {
        Map<MemberEntity, NewMember> before = new LinkedHashMap<>();
        if (Headship.designatesNewHead(member.relation, stated.relation())) {
            for (MemberEntity head : currentMembers()) {
                if (head.relation == Relation.HEAD) {
                    before.put(head, head.stated());
                    head.restate(head.stated().withRelation(Relation.OTHER), head.parsedIdNumber());
                }
            }
        }
        before.put(member, member.stated());
        member.restate(stated, idNumber);
        before.entrySet().removeIf(changed -> changed.getKey().stated().equals(changed.getValue()));
        return before;
    }

    /** Members who still belong to the household (not deceased, married or moved out). */
    public List<MemberEntity> currentMembers() {
        return members.stream().filter(m -> m.removedReason == null).toList();
    }
}
