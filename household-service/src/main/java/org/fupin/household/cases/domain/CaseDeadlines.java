package org.fupin.household.cases.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * How many days each stage may take, and the finding on an objection. A stage is overdue the day
 * after its due date; a notice is never overdue itself, but the stage after it is due its own days
 * after the notice ends.
 */
public record CaseDeadlines(Map<Stage, Integer> days, int objectionDays) {

    /** The day the step the case waits for is due; for a case stopped by an objection, the finding's. */
    public LocalDate dueOn(CaseState state, LocalDate objectedOn) {
        if (state.status().isClosed()) {
            return null;
        }
        if (state.status() == CaseStatus.OBJECTED) {
            return objectedOn.plusDays(objectionDays);
        }
        if (state.stage().isNotice()) {
            return state.noticeEndsOn().plusDays(daysOf(state.kind().after(state.stage())));
        }
        return state.stageSince().plusDays(daysOf(state.stage()));
    }

    private int daysOf(Stage stage) {
        Integer limit = days.get(stage);
        if (limit == null) {
            throw new IllegalStateException("No time limit configured for " + stage);
        }
        return limit;
    }
}
