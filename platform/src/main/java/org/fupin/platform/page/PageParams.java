package org.fupin.platform.page;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code cursor} query parameters every list takes, as one {@code @BeanParam}.
 * Read as text so that a limit that is not a number answers 400 like one out of range.
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Items per page, 1 to " + PageRequest.MAX_LIMIT + "; default " + PageRequest.DEFAULT_LIMIT + ".")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page; absent for the first page.")
    String cursor;

    public PageRequest request() {
        return PageRequest.fromQuery(limit, cursor);
    }
}
