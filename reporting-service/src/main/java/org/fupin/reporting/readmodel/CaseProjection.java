package org.fupin.reporting.readmodel;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.events.CloudEvent;
import org.fupin.events.household.CaseDecided;
import org.fupin.events.household.CaseObjected;
import org.fupin.events.household.CaseObjectionResolved;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;

/**
 * Projects case events into where each case stands from each day on ({@code case_state}) and how long
 * its stages took ({@code case_stage_duration}). Every event adds rows dated by its effective date, so a
 * report as of any day reads the latest row on or before it; a late or backdated event lands in its place.
 */
@ApplicationScoped
public class CaseProjection {

    private final EntityManager entityManager;

    public CaseProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void opened(CaseOpened opened, CloudEvent event) {
        state(opened.caseId(), opened.villageCode(), opened.kind(), opened.proposedOn(), "OPEN", opened.stage(), null, opened.dueOn());
    }

    public void stageCompleted(CaseStageCompleted completed, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into case_stage_duration (case_id, village_code, kind, stage, started_on, completed_on)
                values (:id, :village, :kind, :stage, :started, :completed)""")
                .setParameter("id", completed.caseId())
                .setParameter("village", completed.villageCode())
                .setParameter("kind", completed.kind())
                .setParameter("stage", completed.stage())
                .setParameter("started", completed.startedOn())
                .setParameter("completed", completed.completedOn())
                .executeUpdate();
        if (completed.nextStage() != null) {
            state(completed.caseId(), completed.villageCode(), completed.kind(), completed.completedOn(), "OPEN",
                    completed.nextStage(), completed.noticeEndsOn(), completed.dueOn());
        }
        // A step that closed the case is followed by case.decided, which says how it ended.
    }

    public void objected(CaseObjected objected, CloudEvent event) {
        state(objected.caseId(), objected.villageCode(), objected.kind(), objected.filedOn(), "OBJECTED", objected.stage(), null,
                objected.dueOn());
    }

    public void objectionResolved(CaseObjectionResolved resolved, CloudEvent event) {
        if ("UPHELD".equals(resolved.finding())) {
            return; // case.decided (STOPPED) follows
        }
        boolean goesOn = resolved.noticeEndsOn() != null;
        state(resolved.caseId(), resolved.villageCode(), resolved.kind(), resolved.resolvedOn(), goesOn ? "OPEN" : "OBJECTED",
                resolved.stage(), resolved.noticeEndsOn(), resolved.dueOn());
    }

    public void decided(CaseDecided decided, CloudEvent event) {
        state(decided.caseId(), decided.villageCode(), decided.kind(), decided.decidedOn(), decided.outcome(), decided.stage(), null,
                null);
    }

    private void state(UUID caseId, String village, String kind, LocalDate effectiveOn, String status, String stage,
            LocalDate noticeEndsOn, LocalDate dueOn) {
        entityManager.createNativeQuery("""
                insert into case_state (case_id, village_code, kind, effective_on, status, stage, notice_ends_on, due_on)
                values (:id, :village, :kind, :on, :status, :stage, cast(:noticeEndsOn as date), cast(:dueOn as date))""")
                .setParameter("id", caseId)
                .setParameter("village", village)
                .setParameter("kind", kind)
                .setParameter("on", effectiveOn)
                .setParameter("status", status)
                .setParameter("stage", stage)
                .setParameter("noticeEndsOn", noticeEndsOn)
                .setParameter("dueOn", dueOn)
                .executeUpdate();
    }
}
