package org.fupin.assistance.visit.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.visit.service.VisitBatch;
import org.fupin.problem.FieldError;
import org.fupin.problem.Language;
import org.fupin.platform.batch.ItemRefusal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer for one item of a batch: ACCEPTED, DUPLICATE, or REJECTED with the code a single POST would have answered. */
@Schema(name = "VisitResult")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VisitResult(
        @Schema(description = "The item's id as sent (absent if it had none).") String id,
        Status status,
        @Schema(description = "For REJECTED: the problem code, e.g. not-paired, unknown-household, validation-failed.") String code,
        @Schema(description = "For REJECTED: why, in the caller's language.") String message,
        @Schema(description = "For REJECTED: the invalid fields, if any.") List<FieldError> errors) {

    /** What became of an item. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    static VisitResult of(VisitBatch.ItemResult result, Language language) {
        if (!result.rejected()) {
            return new VisitResult(result.id(), Status.valueOf(result.outcome().name()), null, null, null);
        }
        ItemRefusal refused = ItemRefusal.of(result.refusal(), language);
        return new VisitResult(result.id(), Status.REJECTED, refused.code(), refused.message(), refused.errors());
    }
}
