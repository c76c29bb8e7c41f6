package org.fupin.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.fupin.platform.web.RequestIds;
import org.fupin.problem.Language;
import org.fupin.problem.Problem;
import org.fupin.problem.ProblemDocuments;
import org.fupin.problem.ProblemException;

/** Builds problem+json responses of the REST layer in the caller's language. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemException e, HttpHeaders headers) {
        return of(e, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                headers == null ? null : headers.getHeaderString(RequestIds.HEADER));
    }

    public static Response of(ProblemException e, String acceptLanguage, String requestId) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .entity(ProblemDocuments.render(e, language, requestId));
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }
}
