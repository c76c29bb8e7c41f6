package org.fupin.platform.web;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.fupin.platform.problem.ProblemResponses;
import org.fupin.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers OPTIONS and a method a path does not have from {@link AllowedMethods}, before routing. The
 * REST layer groups operations by resource class, so on {@code /households/{id}/members/{memberId}}
 * its OPTIONS listed POST (which belongs to {@code /members}) and a PUT answered 404 instead of 405.
 */
public class MethodCheck {

    private final AllowedMethods allowedMethods;

    public MethodCheck(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        Optional<Set<String>> methods = allowedMethods.methodsOf(request.getUriInfo().getPath());
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        String allow = String.join(", ", methods.get());
        if ("OPTIONS".equals(request.getMethod())) {
            return Optional.of(Response.ok().header(HttpHeaders.ALLOW, allow).build());
        }
        if (methods.get().contains(request.getMethod())) {
            return Optional.empty();
        }
        ProblemException problem = new ProblemException(405, "method-not-allowed",
                "This method is not allowed on this resource; it allows " + allow + ".");
        return Optional.of(Response.fromResponse(ProblemResponses.of(problem,
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), request.getHeaderString(RequestIds.HEADER)))
                .header(HttpHeaders.ALLOW, allow).build());
    }
}
