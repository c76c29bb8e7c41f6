package org.fupin.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for the services behind the gateway: it echoes what reached it (method, URI, the
 * headers the gateway must forward, the body's length) and serves a small OpenAPI document. The
 * assistance backend points at a port where nothing listens, to see a backend that is down.
 */
public class StubBackend implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("openapi", "3.1.0")
                        .put("paths", new JsonObject().put("/api/v1/regions/{code}", new JsonObject()
                                .put("get", new JsonObject().put("tags", new io.vertx.core.json.JsonArray().add("Regions")))))
                        .put("components", new JsonObject().put("schemas", new JsonObject().put("Region", new JsonObject())))
                        .put("tags", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "Regions")))
                        .encode());
                return;
            }
            if (request.path().endsWith("/slow")) {
                vertx.setTimer(5000, t -> request.response().end("late"));
                return;
            }
            long[] received = { 0 };
            request.handler(chunk -> received[0] += chunk.length());
            request.endHandler(end -> request.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("authorization", request.getHeader("Authorization"))
                            .put("requestId", request.getHeader("X-Request-Id"))
                            .put("acceptLanguage", request.getHeader("Accept-Language"))
                            .put("traceparent", request.getHeader("traceparent"))
                            .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                            .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                            .put("forwarded", request.getHeader("Forwarded"))
                            .put("bodyBytes", received[0])
                            .encode()));
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Stub backend did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        String closed = "http://127.0.0.1:" + closedPort();
        // The stub answers the API and /q/openapi on one port; a service has them on two.
        return Map.of(
                "fupin.gateway.household.url", url,
                "fupin.gateway.household.management-url", url,
                "fupin.gateway.reporting.url", url,
                "fupin.gateway.reporting.management-url", url,
                "fupin.gateway.reporting.timeout", "1s",
                "fupin.gateway.assistance.url", closed,
                "fupin.gateway.assistance.management-url", closed,
                "fupin.gateway.webhook.url", closed,
                "fupin.gateway.webhook.management-url", closed);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
