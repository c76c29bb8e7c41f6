package org.fupin.assistance.ledger.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.service.ConfirmationBatch;
import org.fupin.platform.problem.Refusals;
import org.fupin.problem.FieldError;
import org.fupin.problem.Language;
import org.fupin.problem.Problem;
import org.fupin.problem.ProblemDocuments;

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
        Problem problem = ProblemDocuments.render(Refusals.toProblem(result.refusal()), language, null);
        return new ConfirmationResultView(result.clientId(), ConfirmationBatch.Outcome.REJECTED, problem.code(), problem.detail(),
                problem.errors(), null);
    }
}
