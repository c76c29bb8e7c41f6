package org.fupin.household.villages.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.villages.domain.VillageExitStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of village_exit: a township's proposal of a village's exit and the county's decision on it. */
@Entity
@Table(name = "village_exit")
public class VillageExitEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VillageExitStatus status;

    @Column(name = "proposed_on", nullable = false)
    public LocalDate proposedOn;

    /** The proposer's token subject, which the county's decider must differ from. */
    @Column(nullable = false)
    public String proposer;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(nullable = false)
    public String reason;

    @Column(name = "poor_people", nullable = false)
    public long poorPeople;

    @Column(name = "rural_population", nullable = false)
    public int ruralPopulation;

    @Column(nullable = false)
    public BigDecimal incidence;

    @Column(nullable = false)
    public BigDecimal threshold;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column
    public String decider;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** Assigned by the database; lists page in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The statuses the village's proposals have had: one read for "one waiting" and "exited once". */
    public static Set<VillageExitStatus> statusesOf(String villageCode) {
        return Set.copyOf(getEntityManager().createQuery("select distinct e.status from VillageExitEntity e where e.villageCode = :village",
                VillageExitStatus.class).setParameter("village", villageCode).getResultList());
    }
}
