package org.fupin.platform.problem;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/** The one translation of a domain {@link Refusal} into the problem the API answers: its kind decides the status. */
public final class Refusals {

    private Refusals() {
    }

    public static ProblemException toProblem(Refusal refusal) {
        return new ProblemException(status(refusal.kind()), refusal.code(), refusal.getMessage(),
                refusal.violations().stream().map(Refusals::fieldError).toList(), refusal.args())
                .withCandidates(refusal.candidates());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case STALE -> 412;
            case VERSION_REQUIRED -> 428;
            case TOO_LARGE -> 413;
        };
    }

    static FieldError fieldError(Violation violation) {
        return new FieldError(violation.field(), violation.code(), violation.message(), violation.params());
    }
}
