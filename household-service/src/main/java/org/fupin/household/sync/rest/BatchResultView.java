package org.fupin.household.sync.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.rest.CaseView;
import org.fupin.household.registry.rest.HouseholdView;
import org.fupin.household.sync.service.HouseholdBatch;
import org.fupin.platform.batch.ItemRefusal;
import org.fupin.problem.FieldError;
import org.fupin.problem.Language;

/** The answer for one item of a batch. */
@Schema(name = "HouseholdBatchResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResultView(
        @Schema(description = "The item's id as sent (absent if it had none).") String id,
        @Schema(description = "ACCEPTED (written now), DUPLICATE (written before under this id, with the same content), "
                + "CONFLICT (the household changed since the version the app saw: nothing was written; see current) or "
                + "REJECTED (refused with code, as a single request would be).") HouseholdBatch.Outcome status,
        @Schema(description = "For ACCEPTED and DUPLICATE: the id of what was written (the assessment; for a case step, the "
                + "case).") UUID recordId,
        @Schema(description = "For REJECTED: the problem code, e.g. validation-failed, not-found, client-id-conflict.") String code,
        @Schema(description = "For REJECTED: why, in the caller's language.") String message,
        @Schema(description = "For REJECTED: the invalid fields, if any.") List<FieldError> errors,
        @Schema(description = "For CONFLICT: the version now of the household (ASSESSMENT) or the case (a step).") Long currentVersion,
        @Schema(description = "For an ASSESSMENT's CONFLICT: the household as it is now, masked as the caller may see it.")
        HouseholdView current,
        @Schema(description = "For a case step's CONFLICT: the case as it is now (its stage may have moved on).") CaseView currentCase) {

    static BatchResultView of(HouseholdBatch.ItemResult<HouseholdView, CaseView> result, Language language) {
        if (result.refusal() == null) {
            return new BatchResultView(result.clientId(), result.outcome(), result.recordId(), null, null, null, result.currentVersion(),
                    result.currentHousehold(), result.currentCase());
        }
        ItemRefusal refused = ItemRefusal.of(result.refusal(), language);
        return new BatchResultView(result.clientId(), HouseholdBatch.Outcome.REJECTED, null, refused.code(), refused.message(),
                refused.errors(), null, null, null);
    }
}
