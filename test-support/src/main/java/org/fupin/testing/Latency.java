package org.fupin.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency of one GET through the HTTP API, as a caller sees it: repeated one after the other, the first
 * {@code warmup} answers discarded (the JIT is still compiling), p50 and p99 of the rest in milliseconds.
 * Any answer other than 200 stops the benchmark: a fast error is not a figure.
 */
public record Latency(double p50, double p99, String lastBody) {

    public static Latency ofGet(HttpClient http, URI uri, String token, int warmup, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        String body = null;
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= warmup) {
                millis.add(elapsed / 1e6);
            }
            body = response.body();
        }
        return of(millis, body);
    }

    /** p50 and p99 of measured milliseconds. */
    public static Latency of(List<Double> millis, String lastBody) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Latency(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), lastBody);
    }
}
