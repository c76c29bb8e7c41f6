package org.fupin.household.cases.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.domain.Finding;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.ObjectionEntity;

/** An objection and, once the township found on it, the finding. */
@Schema(name = "Objection")
public record ObjectionView(
        UUID id,
        UUID caseId,
        Stage stage,
        LocalDate filedOn,
        String filedBy,
        @Schema(nullable = true, description = "The objection as filed; shown to county, township and village officers and auditors.") String text,
        @Schema(nullable = true) Finding finding,
        @Schema(nullable = true) String findingReason,
        @Schema(nullable = true) LocalDate resolvedOn,
        @Schema(nullable = true) String resolvedBy) {

    static ObjectionView of(ObjectionEntity o, boolean showText) {
        return new ObjectionView(o.id, o.caseId, o.stage, o.filedOn, o.filedBy, showText ? o.text : null, o.finding,
                o.findingReason, o.resolvedOn, o.resolvedBy);
    }
}
