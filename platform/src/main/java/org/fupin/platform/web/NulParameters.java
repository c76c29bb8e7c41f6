package org.fupin.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.fupin.platform.listing.QueryParams;
import org.fupin.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses path and query parameters that hold U+0000 (%00) before any resource reads them:
 * PostgreSQL cannot compare text with that character and fails the whole statement, which would
 * turn a client's mistake into a 500. No id, code or search text of the API can hold it.
 */
public class NulParameters {

    @ServerRequestFilter
    public void refuse(ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        for (String name : path.keySet()) {
            if (holdsNul(path.get(name))) {
                // Such an id names no record, like any other id that is not one of ours.
                throw ProblemException.notFound("A resource with this " + name);
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (String name : query.keySet()) {
            if (holdsNul(query.get(name))) {
                throw QueryParams.invalid(name, name + " cannot hold the character U+0000.");
            }
        }
    }

    private static boolean holdsNul(Iterable<String> values) {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }
}
