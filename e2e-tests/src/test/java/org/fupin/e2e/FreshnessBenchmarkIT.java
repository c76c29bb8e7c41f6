package org.fupin.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import groovy.json.JsonOutput;
import jakarta.json.Json;

import io.smallrye.jwt.build.Jwt;

/**
 * Event freshness through the whole packaged suite: households are registered through the gateway
 * at a steady 200 writes per second over 40 villages, and the overview of their township is polled through the
 * gateway; the freshness of a write is the time from its 201 to the first report that counts it
 * (outbox relay, broker, reporting consumer, report). Prints p50, p99 and the worst. Not a test:
 * it asserts nothing beyond every write succeeding, and runs only when asked:
 * {@code ./mvnw -pl e2e-tests -am verify -Dit.test=FreshnessBenchmarkIT -Dfupin.benchmark=true -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "fupin.benchmark", matches = "true")
class FreshnessBenchmarkIT {

    private static final int WRITES_PER_SECOND = Integer.getInteger("fupin.benchmark.writes-per-second", 200);
    private static final int SECONDS = Integer.getInteger("fupin.benchmark.seconds", 30);
    private static final int WRITERS = 8;
    private static final int VILLAGES = 40;

    @Test
    void freshnessOfReportsUnderASteadyWriteLoad() throws Exception {
        Suite suite = E2eSuite.get();
        String admin = suite.token("county-admin", null);
        String county = "500238";
        String township = county + "101";
        SuiteSliceIT.putRegion(admin, county, "新鲜县", "COUNTY", null, 1_000_000);
        SuiteSliceIT.putRegion(admin, township, "新鲜镇", "TOWNSHIP", county, 500_000);
        // Writes spread over villages as in a county: household numbers run per village without gaps, so
        // one village registers one household at a time (its counter row is locked per registration).
        List<String> villages = new ArrayList<>();
        for (int v = 0; v < VILLAGES; v++) {
            String village = township + (201 + v);
            SuiteSliceIT.putRegion(admin, village, "新鲜村" + v, "VILLAGE", township, 10_000);
            villages.add(village);
        }
        String gateway = "http://localhost:" + E2eSuite.PORTS.gateway();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(WRITERS)).build();
        // A county admin reads too: the analyst's rate limit (1,200 a minute) is below one poll every 20 ms.
        String reader = token("freshness-reader", "county-admin", suite);
        int baseline = counted(http, gateway, township, reader);

        int total = WRITES_PER_SECOND * SECONDS;
        // Each writer its own subject, so that the per-caller rate limit measures nothing here.
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(token("freshness-writer-" + i, "county-admin", suite));
        }
        long[] acceptedAt = new long[total];
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastAccepted = new java.util.concurrent.atomic.AtomicLong();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.ExecutorService send = Executors.newFixedThreadPool(WRITERS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        // The clock only hands out writes; the writers send them, so a slow answer never slows the pace.
        pace.scheduleAtFixedRate(() -> send.submit(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/households"))
                        .header("Authorization", "Bearer " + writers.get(i % WRITERS))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(Households.household(villages.get(i % VILLAGES), 2))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    failures.add(response.statusCode() + " " + response.body());
                    return;
                }
                // The i-th accepted write is the one the report's i-th household stands for.
                long now = System.nanoTime();
                acceptedAt[accepted.getAndIncrement()] = now;
                lastAccepted.accumulateAndGet(now, Math::max);
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }), 0, 1_000_000 / WRITES_PER_SECOND, TimeUnit.MICROSECONDS);

        List<Double> freshness = new ArrayList<>();
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS + 120).toNanos();
        while (seen < total && System.nanoTime() < deadline) {
            int counted = counted(http, gateway, township, reader) - baseline;
            long now = System.nanoTime();
            int acceptedSoFar = accepted.get();
            for (; seen < Math.min(counted, acceptedSoFar); seen++) {
                freshness.add((now - acceptedAt[seen]) / 1e6);
            }
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pace.shutdownNow();
        send.shutdownNow();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " writes failed, e.g. " + failures.peek());
        }
        Collections.sort(freshness);
        double achieved = accepted.get() / ((lastAccepted.get() - start) / 1e9);
        System.out.printf("%nFreshness: %,d writes offered at %d/s through the gateway (%d writers), accepted at %.0f/s; "
                + "%,d seen in the overview within %.0f s%n", accepted.get(), WRITES_PER_SECOND, WRITERS, achieved, freshness.size(), elapsed);
        System.out.printf("| freshness from 201 to the overview | writes/s accepted | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        System.out.printf("| %d writes/s offered for %d s | %.0f | %.0f | %.0f | %.0f |%n", WRITES_PER_SECOND, SECONDS, achieved,
                freshness.get(freshness.size() / 2), freshness.get((int) Math.ceil(freshness.size() * 0.99) - 1),
                freshness.get(freshness.size() - 1));
    }

    /**
     * Households the overview counts in the region. A count measures arrival order, not identity:
     * the k-th write accepted is taken to be counted when k households are, which is exact for the
     * order writes were accepted in and at worst swaps two nearly simultaneous writes.
     */
    private int counted(HttpClient http, String gateway, String region, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/reports/overview?region=" + region))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        try (var reader = Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readObject().getJsonObject("households").getInt("total");
        }
    }

    private static String token(String subject, String role, Suite suite) {
        return Jwt.issuer("fupin-suite").audience("fupin-api").subject(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresIn(Duration.ofMinutes(30)).sign(suite.signingKey());
    }
}
