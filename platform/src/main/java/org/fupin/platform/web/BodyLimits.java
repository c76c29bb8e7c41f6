package org.fupin.platform.web;

import java.util.List;
import java.util.Optional;

import org.fupin.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The largest request body an operation takes. The HTTP layer has one limit per server
 * ({@code quarkus.http.limits.max-body-size}); a service with a bulk upload raises it for that
 * upload and names its path here, and every other operation still refuses a body whose declared
 * length is over {@code fupin.http.max-body-size}, before reading a byte of it (413).
 */
public class BodyLimits {

    @ConfigMapping(prefix = "fupin.http")
    public interface Config {

        /** The largest body of an ordinary operation (JSON documents, merge patches). */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** Paths (prefixes) of bulk uploads, which only the server-wide limit bounds. */
        Optional<List<String>> bulkPaths();
    }

    private final long maxBytes;
    private final List<String> bulkPaths;

    public BodyLimits(Config config) {
        this.maxBytes = config.maxBodySize().asLongValue();
        this.bulkPaths = config.bulkPaths().orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseDeclaredOversize(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || bulkPaths.stream().anyMatch(request.path()::startsWith)) {
            return;
        }
        if (declared(length) > maxBytes) {
            throw new ProblemException(413, "payload-too-large", "The request body is larger than " + maxBytes + " bytes.");
        }
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
