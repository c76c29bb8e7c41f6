package org.fupin.household.cases.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.events.household.CaseStageCompleted;
import org.fupin.household.cases.domain.CaseState;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.persistence.CaseNoticeEntity;
import org.fupin.household.cases.persistence.CaseStepEntity;
import org.fupin.household.config.CasesConfig;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.platform.outbox.Outbox;

/**
 * Writes what a step of a case leaves behind, in the step's transaction: the case's new state and due
 * date, the step's row, the household's history entry and the events. One place, so that every step
 * leaves the same record.
 */
@ApplicationScoped
class CaseRecorder {

    /** Who "does" a notice: nobody; it runs by itself. */
    static final Actor NOTICE = new Actor("system", "公示 (public notice)", Set.of());

    private final HouseholdHistory history;
    private final Outbox outbox;
    private final CasesConfig config;

    CaseRecorder(HouseholdHistory history, Outbox outbox, CasesConfig config) {
        this.history = history;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * A stage done: the case takes {@code next}, the step is recorded, and {@code case.stage-completed}
     * (with {@code case.decided} when the step closed the case) is published. A notice that ran its
     * course before this step is recorded first, as its own step.
     */
    void completed(CaseEntity c, CaseState next, Stage stage, String result, LocalDate actedOn, Actor actor, String reason,
            Map<String, Object> evidence) {
        CaseState before = c.state();
        if (before.stage().isNotice() && stage != before.stage()) {
            noticeRan(c, before);
        }
        LocalDate startedOn = before.stage().isNotice() ? before.noticeEndsOn() : before.stageSince();
        move(c, next, null);
        step(c, before, stage, result, actedOn, actor, reason, evidence);
        outbox.record(c.id.toString(), CaseEvents.stageCompleted(c, stage, result, startedOn, actedOn));
        if (c.status.isClosed()) {
            outbox.record(c.id.toString(), CaseEvents.decided(c));
        }
    }

    /** The case takes a state without a stage being done (an objection, a finding, a withdrawal). */
    void move(CaseEntity c, CaseState next, LocalDate objectedOn) {
        CaseState before = c.state();
        c.enter(next, config.deadlines().dueOn(next, objectedOn));
        c.persist();
        if (next.stage().isNotice() && (before.stage() != next.stage() || !next.noticeStartsOn().equals(before.noticeStartsOn()))) {
            // The notice list of any day is printed from these rows; the case keeps only its current notice.
            CaseNoticeEntity.of(c).persist();
        }
    }

    /** The step's row and the household's history entry: who, in which role, when, what came of it. */
    void step(CaseEntity c, CaseState before, Stage stage, String result, LocalDate actedOn, Actor actor, String reason,
            Map<String, Object> evidence) {
        CaseStepEntity step = new CaseStepEntity();
        step.caseId = c.id;
        step.stage = stage;
        step.result = result;
        step.actedOn = actedOn;
        step.actorId = actor.id();
        step.actor = actor.display();
        step.roles = String.join(",", new TreeSet<>(actor.roles()));
        step.reason = reason;
        step.evidence = evidence;
        step.recordedAt = Instant.now();
        step.persist();
        history.record(c.householdId, actor.display(), "CASE_" + stage.name(), reason, changes(c, before, result), c.id);
    }

    /** A notice that ran its course: recorded as a step of its own, dated the day it ended. */
    private void noticeRan(CaseEntity c, CaseState before) {
        Stage notice = before.stage();
        Stage after = c.kind.after(notice);
        CaseStepEntity step = new CaseStepEntity();
        step.caseId = c.id;
        step.stage = notice;
        step.result = "RAN";
        step.actedOn = before.noticeEndsOn();
        step.actorId = NOTICE.id();
        step.actor = NOTICE.display();
        step.roles = "";
        step.evidence = Map.of("noticeStartsOn", before.noticeStartsOn().toString(), "noticeEndsOn", before.noticeEndsOn().toString());
        step.recordedAt = Instant.now();
        step.persist();
        history.record(c.householdId, NOTICE.display(), "CASE_" + notice.name(), null, List.of(
                new FieldChange("case.kind", null, c.kind.name()), new FieldChange("case.result", null, "RAN"),
                new FieldChange("case.stage", notice.name(), after.name())), c.id);
        outbox.record(c.id.toString(), new CaseStageCompleted(c.id, c.householdId, c.villageCode, c.kind.name(), notice.name(),
                "RAN", before.noticeStartsOn(), before.noticeEndsOn(), after.name(), null, null, c.dueOn));
    }

    private static List<FieldChange> changes(CaseEntity c, CaseState before, String result) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("case.kind", null, c.kind.name()));
        changes.add(new FieldChange("case.result", null, result));
        if (before.stage() != c.stage) {
            changes.add(new FieldChange("case.stage", before.stage().name(), c.stage.name()));
        }
        if (before.status() != c.status) {
            changes.add(new FieldChange("case.status", before.status().name(), c.status.name()));
        }
        return changes;
    }
}
