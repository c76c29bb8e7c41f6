package org.fupin.platform.batch;

import java.util.List;

import org.fupin.kernel.Refusal;
import org.fupin.platform.problem.Refusals;
import org.fupin.problem.FieldError;
import org.fupin.problem.Language;
import org.fupin.problem.Problem;
import org.fupin.problem.ProblemDocuments;

/**
 * A refused batch item's answer: the code, message (in the caller's language) and field errors that the same write
 * sent alone would have got as a problem document. Every batch's result view carries these three fields.
 */
public record ItemRefusal(String code, String message, List<FieldError> errors) {

    public static ItemRefusal of(Refusal refusal, Language language) {
        Problem problem = ProblemDocuments.render(Refusals.toProblem(refusal), language, null);
        return new ItemRefusal(problem.code(), problem.detail(), problem.errors());
    }
}
