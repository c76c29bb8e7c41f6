package org.fupin.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.fupin.platform.web.RequestIds;

/** Builds problem+json responses in the caller's language; the one place a {@link Problem} is rendered. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemException e, HttpHeaders headers) {
        Language language = Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String requestId = headers == null ? null : headers.getHeaderString(RequestIds.HEADER);
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(error.field(), error.code(),
                        ProblemMessages.message(error.code(), language, error.message(), error.params()),
                        error.params()))
                .toList();
        Problem problem = new Problem(
                Problem.typeOf(e.code()),
                ProblemMessages.title(e.code(), language),
                e.status(),
                ProblemMessages.detail(e.code(), language, e.getMessage(), e.args()),
                e.code(),
                requestId,
                errors);
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .entity(problem);
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }
}
