package org.fupin.household.cases.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.CaseState;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Stage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of household_case: one case and where it stands. */
@Entity
@Table(name = "household_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "stage_since", nullable = false)
    public LocalDate stageSince;

    @Column(name = "notice_starts_on")
    public LocalDate noticeStartsOn;

    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(nullable = false)
    public String proposer;

    @Column(name = "proposed_on", nullable = false)
    public LocalDate proposedOn;

    @Column(name = "last_acted_on", nullable = false)
    public LocalDate lastActedOn;

    @Column(nullable = false)
    public String reason;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

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

    public CaseState state() {
        return new CaseState(kind, status, stage, stageSince, noticeStartsOn, noticeEndsOn, proposer, lastActedOn);
    }

    /** Takes the state the procedure decided on, and the due date of what it now waits for. */
    public void enter(CaseState next, LocalDate due) {
        status = next.status();
        stage = next.stage();
        stageSince = next.stageSince();
        noticeStartsOn = next.noticeStartsOn();
        noticeEndsOn = next.noticeEndsOn();
        lastActedOn = next.lastActedOn();
        dueOn = due;
        if (status.isClosed()) {
            decidedOn = next.lastActedOn();
        }
        updatedAt = Instant.now();
    }
}
