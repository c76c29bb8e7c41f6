package org.fupin.household.sync.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.rest.CaseRequests;
import org.fupin.household.registry.rest.AssessmentRequest;
import org.fupin.household.sync.service.BatchItem;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/** One write an app made offline, as it sends it: the fields of its kind, and none of another kind's. */
@Schema(name = "HouseholdBatchItem")
public record BatchItemRequest(
        @NotNull @Schema(description = "The app's own UUID for this item: sending it again answers DUPLICATE.") UUID id,
        @NotNull @Schema(description = "What the item writes: ASSESSMENT (as POST /households/{id}/assessments; county-admin, "
                + "township-officer, village-cadre), or a step of a case done in the village: VERIFICATION (入戶核實; village-cadre, "
                + "assistance-officer), ACKNOWLEDGEMENT (貧困戶認可; village-cadre) or APPRAISAL (民主評議; village-cadre), as "
                + "POST /cases/{id}/verification|acknowledgement|appraisal. Another role's item is REJECTED with forbidden.")
        BatchItem.Kind kind,
        @Schema(description = "For ASSESSMENT: the household.") UUID householdId,
        @Schema(description = "For VERIFICATION, ACKNOWLEDGEMENT and APPRAISAL: the case.") UUID caseId,
        @NotNull @PositiveOrZero @Schema(description = "The version the app saw of the household (ASSESSMENT: the change feed's "
                + "version, or the ETag) or of the case (its ETag): one changed since answers CONFLICT.") Long baseVersion,
        @Valid @Schema(description = "For ASSESSMENT.") AssessmentRequest assessment,
        @Valid @Schema(description = "For VERIFICATION.") CaseRequests.Verification verification,
        @Valid @Schema(description = "For ACKNOWLEDGEMENT.") CaseRequests.Acknowledgement acknowledgement,
        @Valid @Schema(description = "For APPRAISAL.") CaseRequests.Appraisal appraisal) {

    /** The item, once it carries its kind's target and body and nothing of another kind. */
    BatchItem toDomain(String contentHash) {
        checkFields();
        return switch (kind) {
            case ASSESSMENT -> new BatchItem.Assessing(id, householdId, baseVersion, contentHash, assessment.toDomain());
            case VERIFICATION -> new BatchItem.Verifying(id, caseId, baseVersion, contentHash, verification.toStep());
            case ACKNOWLEDGEMENT -> new BatchItem.Acknowledging(id, caseId, baseVersion, contentHash, acknowledgement.toStep());
            case APPRAISAL -> new BatchItem.Appraising(id, caseId, baseVersion, contentHash, appraisal.toStep());
        };
    }

    private void checkFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("householdId", householdId);
        fields.put("caseId", caseId);
        fields.put("assessment", assessment);
        fields.put("verification", verification);
        fields.put("acknowledgement", acknowledgement);
        fields.put("appraisal", appraisal);
        List<String> own = switch (kind) {
            case ASSESSMENT -> List.of("householdId", "assessment");
            case VERIFICATION -> List.of("caseId", "verification");
            case ACKNOWLEDGEMENT -> List.of("caseId", "acknowledgement");
            case APPRAISAL -> List.of("caseId", "appraisal");
        };
        List<Violation> violations = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (own.contains(field) && value == null) {
                violations.add(new Violation(field, "required", "Required for an item of kind " + kind + "."));
            } else if (!own.contains(field) && value != null) {
                violations.add(new Violation(field, "not-for-kind", "An item of kind " + kind + " does not carry " + field + ".",
                        Map.of("kind", kind.name())));
            }
        });
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
    }
}
