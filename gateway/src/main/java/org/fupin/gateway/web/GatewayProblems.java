package org.fupin.gateway.web;

import org.fupin.problem.Language;
import org.fupin.problem.Problem;
import org.fupin.problem.ProblemDocuments;
import org.fupin.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Answers a request with a problem document from the gateway itself (no backend involved). */
public final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    public static void send(RoutingContext rc, ProblemException problem) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            // Too late for a problem document: the backend's answer is half sent; cut the connection.
            rc.response().reset();
            return;
        }
        Language language = Language.fromAcceptLanguage(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem document = ProblemDocuments.render(problem, language, rc.request().getHeader(RequestIdFilter.HEADER));
        String body;
        try {
            body = JSON.writeValueAsString(document);
        } catch (Exception e) {
            body = "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
        }
        rc.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        if (problem.status() == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response().end(body);
    }
}
