package org.fupin.household.cases.rest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.service.CaseQueries;

/** One entry of a case's timeline: a step, an objection, or the finding on one. */
@Schema(name = "CaseTimelineEntry")
public record TimelineEntryView(
        @Schema(description = "STEP, OBJECTION or FINDING") String type,
        LocalDate on,
        Stage stage,
        @Schema(description = "Chinese label of the stage.") String stageLabel,
        @Schema(nullable = true, description = "A step's result (PROPOSED, AGREED, DISAGREED, REFUSED, PASSED, RAN, APPROVED, SENT_BACK, REJECTED, "
                + "WITHDRAWN); a finding's UPHELD or DISMISSED.") String result,
        @Schema(description = "Who acted (subject and name); a notice that ran is 公示.") String actor,
        @Schema(description = "The roles the actor held.") List<String> roles,
        @Schema(nullable = true) String reason,
        @Schema(description = "What the step recorded: the visit's findings, the votes, the signature, the notice's dates.")
        Map<String, Object> evidence,
        @Schema(nullable = true) ObjectionView objection) {

    static TimelineEntryView of(CaseQueries.TimelineEntry entry) {
        if (entry.step() != null) {
            var step = entry.step();
            List<String> roles = step.roles.isEmpty() ? List.of() : Arrays.asList(step.roles.split(","));
            return new TimelineEntryView("STEP", step.actedOn, step.stage, step.stage.label(), step.result, step.actor, roles,
                    step.reason, step.evidence, null);
        }
        var objection = entry.objection();
        if (entry.finding()) {
            return new TimelineEntryView("FINDING", objection.resolvedOn, objection.stage, objection.stage.label(),
                    objection.finding.name(), objection.resolvedBy, List.of(), objection.findingReason, Map.of(),
                    ObjectionView.of(objection, true));
        }
        return new TimelineEntryView("OBJECTION", objection.filedOn, objection.stage, objection.stage.label(), null,
                objection.filedBy, List.of(), null, Map.of(), ObjectionView.of(objection, true));
    }
}
