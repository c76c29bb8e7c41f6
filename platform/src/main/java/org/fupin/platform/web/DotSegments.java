package org.fupin.platform.web;

import org.fupin.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a path with a dot segment ({@code ..} or {@code .}, also percent-encoded as {@code %2e%2e})
 * before routing: the HTTP layer removes such segments, so {@code PATCH /households/{id}/members/%2e%2e}
 * would reach {@code PATCH /households/{id}}, an operation the caller never named. No path of the API
 * has one, and a client that sends one has built its URL wrongly.
 */
public class DotSegments {

    @ServerRequestFilter(preMatching = true)
    public void refuse(HttpServerRequest request) {
        if (hasDotSegment(request.uri())) {
            throw new ProblemException(400, "invalid-path", "The path holds a '.' or '..' segment; no operation of this API has one.");
        }
    }

    /** Whether the raw request target (path and query as sent) has a segment that is '.' or '..' once %2e is read as a dot. */
    static boolean hasDotSegment(String rawTarget) {
        int end = rawTarget.indexOf('?');
        String path = end < 0 ? rawTarget : rawTarget.substring(0, end);
        // Runs for every request: nearly every path has neither a dot nor an encoded one.
        if (path.indexOf('.') < 0 && !path.contains("%2e") && !path.contains("%2E")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            String dots = segment.replace("%2e", ".").replace("%2E", ".");
            if (dots.equals(".") || dots.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
