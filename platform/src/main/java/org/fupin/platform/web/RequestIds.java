package org.fupin.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Accepts the caller's {@code X-Request-Id} or makes one, and puts it on the request (so that every
 * later layer reads one header), on the response and in the log context ({@code %X{requestId}}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Long or odd ids are replaced: they end up in logs, where they must not forge lines. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Before security, so that a 401 carries the id too. */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = acceptOrCreate(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        }, PRIORITY);
    }

    public static String acceptOrCreate(String given) {
        return given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
