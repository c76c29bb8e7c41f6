package org.fupin.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.fupin.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every PATCH of the API is a JSON merge patch (RFC 7396) and says so in its Content-Type. The
 * resources declare it, but a request without any Content-Type would still be read as one; without
 * the header nobody knows what the body means (a JSON Patch array? a whole replacement?), so 415.
 */
public class MergePatchContentType {

    private static final MediaType MERGE_PATCH = MediaType.valueOf(MergePatch.MEDIA_TYPE);

    @ServerRequestFilter
    public void require(ContainerRequestContext request) {
        if (!"PATCH".equals(request.getMethod())) {
            return;
        }
        MediaType sent = request.getMediaType();
        if (sent == null || !MERGE_PATCH.isCompatible(sent)) {
            throw new ProblemException(415, "unsupported-media-type",
                    "A PATCH needs Content-Type: " + MergePatch.MEDIA_TYPE + " (a JSON merge patch).");
        }
    }
}
