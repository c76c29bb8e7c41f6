package org.fupin.gateway.proxy;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.fupin.gateway.auth.VerifiedTokens;
import org.fupin.gateway.ratelimit.RateLimits;
import org.fupin.gateway.routing.BackendRoutes;
import org.fupin.gateway.routing.GatewayConfig;
import org.fupin.gateway.web.GatewayProblems;
import org.fupin.gateway.web.RequestIdFilter;
import org.fupin.problem.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Routes {@code /api/**} to the backend that owns the path, streaming both ways: request and
 * response bodies flow through with back-pressure and are never held whole in the gateway. The
 * caller must present a valid token here; the backend checks it again and applies roles and scope.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);

    /** Seconds a pooled connection to a service may stay unused. */
    private static final int KEEP_ALIVE_SECONDS = 15;

    /**
     * Headers never forwarded: those that describe one connection, not the message (RFC 9110 §7.6.1),
     * and what a client may claim about proxies before the gateway, which says it itself.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-prefix", "x-forwarded-server", "x-real-ip",
            // The trace context the service continues is the gateway's own span, set by forward().
            "traceparent", "tracestate");

    private final BackendRoutes routes;
    private final GatewayConfig config;
    private final BackendGuards guards;
    private final RateLimits rateLimits;
    private final VerifiedTokens tokens;
    private final HttpClient client;

    public ReverseProxy(BackendRoutes routes, GatewayConfig config, BackendGuards guards, RateLimits rateLimits,
            VerifiedTokens tokens, Vertx vertx) {
        this.routes = routes;
        this.config = config;
        this.guards = guards;
        this.rateLimits = rateLimits;
        this.tokens = tokens;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                // Shorter than the services' idle timeout: the gateway drops a pooled connection before
                // the service would, so that no request is sent on a connection being closed.
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setConnectTimeout(2000)
                .setDecompressionSupported(false));
    }

    void register(@Observes Router router) {
        router.route().pathRegex("/api/.*").order(-10).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause();
        Optional<BackendRoutes.Route> route = routes.resolve(request.path());
        if (route.isEmpty()) {
            GatewayProblems.send(rc, new ProblemException(404, "not-found", "No API at this path."));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBody = maxBodyBytes(request.path());
        if (length != null && parseLength(length) > maxBody) {
            GatewayProblems.send(rc, tooLarge(maxBody));
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<VerifiedTokens.VerifiedCaller> known = tokens.lookup(authorization);
        if (known.isPresent()) {
            if (admit(rc, known.get())) {
                forward(rc, route.get());
            }
            return;
        }
        // Quarkus answers a failed authentication itself, with an empty 401; ours is a problem document.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER,
                (BiConsumer<RoutingContext, Throwable>) (ctx, failure) -> GatewayProblems.send(ctx, ProblemException.unauthenticated()));
        Uni<SecurityIdentity> identity = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            GatewayProblems.send(rc, ProblemException.unauthenticated());
            return;
        }
        identity.subscribe().with(
                who -> {
                    if (who.isAnonymous()) {
                        GatewayProblems.send(rc, ProblemException.unauthenticated());
                    } else if (admit(rc, tokens.remember(authorization, who))) {
                        forward(rc, route.get());
                    }
                },
                failure -> GatewayProblems.send(rc, ProblemException.unauthenticated()));
    }

    /** A verified caller: named in the log context by its token subject (never the token), then rate-limited. */
    private boolean admit(RoutingContext rc, VerifiedTokens.VerifiedCaller caller) {
        MDC.put("subject", caller.subject());
        return withinRateLimit(rc, caller);
    }

    /** Spends one token of the caller's bucket; answers 429 when there is none. RateLimit headers go on every answer. */
    private boolean withinRateLimit(RoutingContext rc, VerifiedTokens.VerifiedCaller caller) {
        if (!rateLimits.enabled()) {
            return true;
        }
        RateLimits.Decision decision = rateLimits.consume(caller.subject(), caller.roles());
        rc.response().putHeader("RateLimit-Limit", String.valueOf(decision.limit()));
        rc.response().putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        rc.response().putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        if (!decision.allowed()) {
            rc.response().putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            GatewayProblems.send(rc, new ProblemException(429, "too-many-requests",
                    "Too many requests from this caller; retry after " + decision.retryAfterSeconds() + " s."));
            return false;
        }
        return true;
    }

    private void forward(RoutingContext rc, BackendRoutes.Route route) {
        HttpServerRequest in = rc.request();
        GatewayConfig.Backend backend = route.backend();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(backend.url().getHost())
                .setPort(backend.url().getPort())
                .setURI(in.uri())
                .setIdleTimeout(backend.timeout().toMillis());
        // The gateway's span is current here, in the route's handler; the client's callbacks run outside it.
        Context trace = Context.current();
        guards.call(route.backendName(), () -> send(in, options, trace))
                .onSuccess(response -> relay(rc, response))
                .onFailure(failure -> failed(rc, route, failure));
    }

    /** Sends the request on to the backend, its body streamed; the answer is the backend's response, paused until relayed. */
    private Future<HttpClientResponse> send(HttpServerRequest in, RequestOptions options, Context trace) {
        Promise<HttpClientResponse> answer = Promise.promise();
        client.request(options).onSuccess(out -> {
            copyHeaders(in.headers(), out.headers());
            W3CTraceContextPropagator.getInstance().inject(trace, out.headers(), MultiMap::set);
            out.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
            out.putHeader("X-Forwarded-Proto", in.scheme());
            if (in.getHeader(HttpHeaders.CONTENT_LENGTH) == null && hasBody(in)) {
                out.setChunked(true);
            }
            // The breaker may hand the response on a moment later: paused, no chunk of its body is lost meanwhile.
            out.response().onSuccess(response -> answer.tryComplete(response.pause())).onFailure(answer::tryFail);
            // A body that breaks off (too large, client gone) must reach the backend as broken, not as a
            // shorter complete body: endOnFailure(false) and a reset, so the backend stores nothing. The answer
            // fails with the cause first, so that the client and the breaker see it rather than the reset.
            new LimitedBody(in, maxBodyBytes(in.path())).pipe().endOnFailure(false).to(out).onFailure(failure -> {
                answer.tryFail(failure);
                out.reset(0, failure);
            });
        }).onFailure(answer::tryFail);
        return answer.future();
    }

    private void failed(RoutingContext rc, BackendRoutes.Route route, Throwable failure) {
        if (rc.response().ended()) {
            return;
        }
        if (BackendGuards.heldBack(failure)) {
            GatewayProblems.send(rc, new ProblemException(503, "service-unavailable", "The " + route.backendName()
                    + " service is failing; the gateway holds requests back for a moment. Try again shortly."));
            return;
        }
        backendFailed(rc, route, failure.getCause() instanceof LimitedBody.TooLarge ? failure.getCause() : failure);
    }

    private void relay(RoutingContext rc, HttpClientResponse response) {
        var out = rc.response();
        if (out.ended()) {
            // Nobody waits for it any more: read it away, so that its connection serves the next request.
            response.resume();
            return;
        }
        out.setStatusCode(response.statusCode());
        copyHeaders(response.headers(), out.headers());
        // The gateway set the request id already (the backend echoes the same one): once is enough.
        out.headers().set(RequestIdFilter.HEADER, rc.request().getHeader(RequestIdFilter.HEADER));
        if (response.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(failure -> {
            LOG.debugf("Response stream from backend broke: %s", failure.toString());
            out.reset();
        });
    }

    private void backendFailed(RoutingContext rc, BackendRoutes.Route route, Throwable failure) {
        if (failure instanceof LimitedBody.TooLarge) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            GatewayProblems.send(rc, tooLarge(maxBodyBytes(rc.request().path())));
        } else if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            GatewayProblems.send(rc, new ProblemException(504, "gateway-timeout",
                    "The " + route.backendName() + " service did not answer in time."));
        } else {
            LOG.warnf("Backend %s unreachable: %s", route.backendName(), failure.toString());
            GatewayProblems.send(rc, new ProblemException(503, "service-unavailable",
                    "The " + route.backendName() + " service is unavailable; try again shortly."));
        }
    }

    /** A bulk upload (a county's register as CSV) may be larger than any other body. */
    private long maxBodyBytes(String path) {
        return config.bulkPaths().stream().anyMatch(path::startsWith) ? config.bulkMaxBodyBytes() : config.maxBodyBytes();
    }

    private static ProblemException tooLarge(long maxBody) {
        return new ProblemException(413, "payload-too-large", "The request body is larger than " + maxBody + " bytes.");
    }

    private static boolean hasBody(HttpServerRequest in) {
        String method = in.method().name();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") || method.equals("OPTIONS"))
                || in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        for (var header : from) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
