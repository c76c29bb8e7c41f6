package org.fupin.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * The front door gives every request an id: the caller's {@code X-Request-Id} when it is sane,
 * else a new one. It is set on the request (and so forwarded to the backend), on the response
 * and in the log context.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String given = rc.request().getHeader(HEADER);
            String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            rc.next();
        }, 1000);
    }
}
