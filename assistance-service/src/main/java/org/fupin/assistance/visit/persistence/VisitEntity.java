package org.fupin.assistance.visit.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fupin.assistance.visit.domain.NewVisit;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of visit: a helper's visit to a household (走訪), under the id the client gave it. Visits never change. */
@Entity
@Table(name = "visit")
public class VisitEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "helper_id", nullable = false)
    public UUID helperId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    /** The household's village on the day of the visit. */
    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "visited_at", nullable = false)
    public Instant visitedAt;

    public String notes;

    @Column(name = "risk_observed", nullable = false)
    public boolean riskObserved;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public NewVisit asSent() {
        return new NewVisit(id, helperId, householdId, visitedAt, notes, riskObserved);
    }
}
