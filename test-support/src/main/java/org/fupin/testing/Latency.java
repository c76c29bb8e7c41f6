package org.fupin.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latency of one GET through the HTTP API, as a caller sees it: repeated one after the other, the first
 * {@code warmup} answers discarded (the JIT is still compiling), p50 and p99 of the rest in milliseconds.
 * Any answer other than 200 stops the benchmark: a fast error is not a figure.
 */
public record Latency(double p50, double p99, String lastBody) {

    /** Three significant digits: a percentile is off by at most 0.1 %, far below what one run varies. */
    private static final int SIGNIFICANT_DIGITS = 3;

    public static Latency ofGet(HttpClient http, URI uri, String token, int warmup, int runs) throws Exception {
        Histogram micros = new Histogram(SIGNIFICANT_DIGITS);
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
                micros.recordValue(TimeUnit.NANOSECONDS.toMicros(elapsed));
            }
            body = response.body();
        }
        return of(micros, body);
    }

    /** p50 and p99 of measured milliseconds. */
    public static Latency of(List<Double> millis, String lastBody) {
        Histogram micros = new Histogram(SIGNIFICANT_DIGITS);
        millis.forEach(value -> micros.recordValue(Math.round(value * 1000)));
        return of(micros, lastBody);
    }

    private static Latency of(Histogram micros, String lastBody) {
        // An empty histogram answers 0 for every percentile: a figure nobody measured.
        if (micros.getTotalCount() == 0) {
            throw new IllegalArgumentException("no latency was measured");
        }
        return new Latency(micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0, lastBody);
    }
}
