package org.fupin.problem;

import java.util.List;

/** Renders a {@link ProblemException} as the problem document a caller reads, in the caller's language. */
public final class ProblemDocuments {

    private ProblemDocuments() {
    }

    public static Problem render(ProblemException e, Language language, String requestId) {
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(error.field(), error.code(),
                        ProblemMessages.message(error.code(), language, error.message(), error.params()),
                        error.params()))
                .toList();
        return new Problem(
                Problem.typeOf(e.code()),
                ProblemMessages.title(e.code(), language),
                e.status(),
                ProblemMessages.detail(e.code(), language, e.getMessage(), e.args()),
                e.code(),
                requestId,
                errors,
                e.moreErrors() > 0 ? e.moreErrors() : null,
                e.candidates());
    }
}
