package org.fupin.assistance.ledger.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.service.ConfirmationBatch;
import org.fupin.platform.batch.ItemRefusal;
import org.fupin.problem.FieldError;
import org.fupin.problem.Language;

/** The answer for one offline confirmation. */
@Schema(name = "MeasureConfirmationResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfirmationResultView(
        @Schema(description = "The item's id as sent (absent if it had none).") String id,
        @Schema(description = "ACCEPTED, DUPLICATE (this id was written before with the same content), CONFLICT (the measure "
                + "changed or was confirmed since the version the app saw: nothing was written; see current) or REJECTED.")
        ConfirmationBatch.Outcome status,
        @Schema(description = "For REJECTED: the problem code, e.g. measure-not-started, not-found, client-id-conflict.") String code,
        @Schema(description = "For REJECTED: why, in the caller's language.") String message,
        @Schema(description = "For REJECTED: the invalid fields, if any.") List<FieldError> errors,
        @Schema(description = "For CONFLICT: the measure as it is now, with its version.") MeasureView current) {

    static ConfirmationResultView of(ConfirmationBatch.ItemResult result, Language language) {
        if (result.refusal() == null) {
            return new ConfirmationResultView(result.clientId(), result.outcome(), null, null, null,
                    result.current() == null ? null : MeasureView.of(result.current()));
        }
        ItemRefusal refused = ItemRefusal.of(result.refusal(), language);
        return new ConfirmationResultView(result.clientId(), ConfirmationBatch.Outcome.REJECTED, refused.code(), refused.message(),
                refused.errors(), null);
    }
}
