package org.fupin.suite.demo;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * The few HTTP calls the demo loader makes, with the patience a bulk client needs: 429 and 503
 * wait for {@code Retry-After}; a 422 naming a household or village the assistance replica has
 * not seen yet waits for household-service's event to arrive; a refused connection is retried
 * briefly. Anything else comes back to the caller as it is.
 */
final class DemoApi {

    /** The codes with which assistance-service says "not yet": its replica learns households and regions from events. */
    static final Set<String> NOT_YET = Set.of("unknown-household", "unknown-village", "unknown-township");
    private static final Duration NOT_YET_PATIENCE = Duration.ofSeconds(90);

    record Reply(int status, String body, HttpResponse<String> response) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The body when it is a JSON array, as the receipts of a batch of signals. */
        JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        String code() {
            if (body == null || !body.startsWith("{")) {
                return "";
            }
            try {
                return json().getString("code", "");
            } catch (RuntimeException e) {
                return "";
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client;
    private final String token;

    DemoApi(String token) {
        this.token = token;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Reply put(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(body(json)).header("Content-Type", "application/json"));
    }

    /** A POST of JSON, retried while assistance-service does not know a referenced household or village yet. */
    Reply post(String url, String json, String ifMatch) {
        return post(url, json, ifMatch, token);
    }

    /** The same, as the holder of another token: a step of a case is done by the role whose step it is. */
    Reply post(String url, String json, String ifMatch, String asToken) {
        long deadline = System.nanoTime() + NOT_YET_PATIENCE.toNanos();
        long pause = 100;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(body(json)).header("Content-Type", "application/json");
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            Reply reply = send(request, asToken);
            if (reply.status() != 422 || !NOT_YET.contains(reply.code()) || System.nanoTime() > deadline) {
                return reply;
            }
            sleep(pause);
            pause = Math.min(1_000, pause * 2);
        }
    }

    Reply postCsv(String url, byte[] csv, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", idempotencyKey));
    }

    private Reply send(HttpRequest.Builder builder) {
        return send(builder, token);
    }

    private Reply send(HttpRequest.Builder builder, String bearer) {
        HttpRequest request = builder.header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .build();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 30) {
                    sleep(retryAfterMillis(response));
                    continue;
                }
                return new Reply(response.statusCode(), response.body(), response);
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new DemoException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
                }
                sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted", e);
            }
        }
    }

    private static long retryAfterMillis(HttpResponse<?> response) {
        try {
            return Math.max(100, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").strip()) * 1_000);
        } catch (NumberFormatException e) {
            return 1_000;
        }
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }

    /** A JSON string literal. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The demo could not be loaded: what failed, in words for the console. */
    static final class DemoException extends RuntimeException {

        DemoException(String message) {
            super(message);
        }

        DemoException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
