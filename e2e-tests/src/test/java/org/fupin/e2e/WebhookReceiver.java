package org.fupin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.fupin.testing.ExternalAddress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of webhooks on this machine's first non-loopback address (a receiver on loopback is
 * exactly what the service refuses). Each path plays a kind of receiver, named by its first segment:
 * {@code ok} answers 204, {@code flaky} 500 to the first two attempts of each event, {@code slow} takes longer
 * than the suite's 2 s timeout on the first attempt, {@code down} 503 until {@link #heal} is called,
 * {@code hang} 20 s every time. Every request is kept, in arrival order.
 */
final class WebhookReceiver {

    /** The delivery timeout, first retry wait and give-up time the end-to-end suite runs the webhook service with. */
    static final int TIMEOUT_MILLIS = 2000;
    static final int GIVE_UP_SECONDS = 8;

    record Receipt(String path, String id, String timestamp, String signature, String contentType, String body, int answered,
            Instant at) {
    }

    private static WebhookReceiver started;

    private final HttpServer server;
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final Map<String, Boolean> healed = new ConcurrentHashMap<>();

    private WebhookReceiver(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        // A thread per request: a hanging answer must not hold the others up (that is what is being tested).
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address the suite's webhook service may send to, when this machine has one besides loopback. */
    static Optional<InetAddress> externalAddress() {
        return ExternalAddress.first();
    }

    /** The webhook settings of the end-to-end suite: this receiver's address allowed, retries and suspension in seconds. */
    static Map<String, String> suiteSettings() {
        return externalAddress().map(address -> Map.of(
                "FUPIN_WEBHOOK_ALLOWED_NETWORKS", address.getHostAddress() + "/32",
                "FUPIN_WEBHOOK_REQUEST_TIMEOUT", TIMEOUT_MILLIS + "ms",
                "FUPIN_WEBHOOK_RETRY_FIRST_DELAY", "200ms",
                "FUPIN_WEBHOOK_RETRY_MAX_DELAY", "1s",
                "FUPIN_WEBHOOK_RETRY_GIVE_UP_AFTER", GIVE_UP_SECONDS + "s")).orElse(Map.of());
    }

    static synchronized WebhookReceiver get() {
        if (started == null) {
            try {
                started = new WebhookReceiver(externalAddress().orElseThrow());
            } catch (IOException e) {
                throw new IllegalStateException("The webhook receiver did not start", e);
            }
        }
        return started;
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The requests that reached a path, in arrival order. */
    List<Receipt> at(String path) {
        return receipts.stream().filter(receipt -> receipt.path().equals(path)).toList();
    }

    /** A {@code down} path answers 204 from now on. */
    void heal(String path) {
        healed.put(path, true);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        int attempt = attemptsById.computeIfAbsent(path + " " + id, key -> new AtomicInteger()).incrementAndGet();
        String kind = path.split("/")[1];
        int status = switch (kind) {
            case "flaky" -> attempt <= 2 ? 500 : 200;
            case "down" -> healed.getOrDefault(path, false) ? 204 : 503;
            default -> 204;
        };
        if ((kind.equals("slow") && attempt == 1) || kind.equals("hang")) {
            pause(kind.equals("hang") ? 20_000 : TIMEOUT_MILLIS * 2L);
        }
        receipts.add(new Receipt(path, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), exchange.getRequestHeaders().getFirst("content-type"),
                body, status, Instant.now()));
        byte[] answer = status == 200 ? "{\"received\":true}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0 && status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
