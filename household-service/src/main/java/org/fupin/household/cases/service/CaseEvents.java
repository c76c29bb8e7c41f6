package org.fupin.household.cases.service;

import java.time.LocalDate;
import java.util.UUID;

import org.fupin.events.household.CaseDecided;
import org.fupin.events.household.CaseObjected;
import org.fupin.events.household.CaseObjectionResolved;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Finding;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.CaseEntity;

/** The only mapping from cases to their events: ids, codes and dates, never a name or a text. */
final class CaseEvents {

    private CaseEvents() {
    }

    static CaseOpened opened(CaseEntity c) {
        return new CaseOpened(c.id, c.householdId, c.villageCode, c.kind.name(), c.proposedOn, c.stage.name(), c.dueOn);
    }

    /** A stage done; {@code c} is the case after it (its next stage and notice, or closed). */
    static CaseStageCompleted stageCompleted(CaseEntity c, Stage stage, String result, LocalDate startedOn, LocalDate completedOn) {
        boolean closed = c.status.isClosed();
        return new CaseStageCompleted(c.id, c.householdId, c.villageCode, c.kind.name(), stage.name(), result, startedOn, completedOn,
                closed ? null : c.stage.name(), closed ? null : c.noticeStartsOn, closed ? null : c.noticeEndsOn, c.dueOn);
    }

    static CaseObjected objected(CaseEntity c, UUID objectionId, LocalDate filedOn) {
        return new CaseObjected(c.id, c.householdId, c.villageCode, c.kind.name(), c.stage.name(), objectionId, filedOn, c.dueOn);
    }

    static CaseObjectionResolved objectionResolved(CaseEntity c, UUID objectionId, Finding finding, LocalDate resolvedOn) {
        boolean restarted = c.status == CaseStatus.OPEN;
        return new CaseObjectionResolved(c.id, c.householdId, c.villageCode, c.kind.name(), c.stage.name(), objectionId,
                finding.name(), resolvedOn, restarted ? c.noticeStartsOn : null, restarted ? c.noticeEndsOn : null, c.dueOn);
    }

    static CaseDecided decided(CaseEntity c) {
        return new CaseDecided(c.id, c.householdId, c.villageCode, c.kind.name(), c.status.name(), c.stage.name(), c.decidedOn,
                c.status == CaseStatus.APPROVED ? c.decidedOn : null);
    }
}
