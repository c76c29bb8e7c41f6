package org.fupin.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.suite.Suite;
import org.fupin.testing.BenchmarkFigures;
import org.fupin.testing.Latency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import groovy.json.JsonOutput;
import jakarta.json.Json;

import io.smallrye.jwt.build.Jwt;

/**
 * Event freshness through the whole packaged suite: households are registered through the gateway
 * at a steady rate over 40 villages (40 writes per second, then 200; {@code -Dfupin.benchmark.writes-per-second=...}),
 * and the overview of their township is polled through the gateway; the freshness of a write is the time
 * from its 201 to the first report that counts it (outbox relay, broker, reporting consumer, report).
 * Prints p50, p99 and the worst beside the broker's own send-to-receive latency. Not a test: it asserts
 * nothing beyond every write succeeding and arriving, and runs only when asked:
 * {@code ./mvnw -pl e2e-tests -am verify -Dit.test=FreshnessBenchmarkIT -Dfupin.benchmark=true -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "fupin.benchmark", matches = "true")
class FreshnessBenchmarkIT {

    /** Offered loads, one after the other: one the machine keeps up with, and the 200 writes per second. */
    private static final List<Integer> RATES = Arrays.stream(System.getProperty("fupin.benchmark.writes-per-second", "40,200").split(","))
            .map(String::strip).filter(rate -> !rate.isEmpty()).map(Integer::valueOf).toList();
    private static final int SECONDS = Integer.getInteger("fupin.benchmark.seconds", 30);
    private static final int WARM_UP_SECONDS = 60;
    /** Records per second of the broker-alone baseline: the highest load offered. */
    private static final int BROKER_PROBE_RATE = 200;
    /** Writers sending at once, each waiting for its answer: many phones and desks, so that the client never sets the pace. */
    private static final int WRITERS = 32;
    private static final int VILLAGES = 40;
    /** Offered beyond what two cores accept. */
    private static final int SATURATION_RATE = Integer.getInteger("fupin.benchmark.saturation-writes-per-second", 400);
    /**
     * The figures before issue 16 (commit 3855a14 with this benchmark and its sequence of loads, run on this machine on
     * 2026-12-06), kept so that later runs compare with them: registrations accepted per second at saturation, and CPU
     * seconds per 1,000 registrations summed over every process of the suite (services, broker, PostgreSQL), with and without
     * the JIT compiler's threads. Two runs with a shorter warm-up gave 38-45 writes/s and 31.3-36.3 CPU s.
     */
    private static final double SATURATION_BEFORE = 40.2;
    private static final double CPU_PER_THOUSAND_BEFORE = 31.1;
    private static final double STEADY_CPU_PER_THOUSAND_BEFORE = 21.8;

    /** Where the CPU flame graphs of a profiled saturation run go; none are taken unless it is set. */
    private static final String FLAME_GRAPHS = System.getProperty("fupin.bench.flamegraphs", "");

    /** One offered load: writes per second, for how long, by how many writers, the overview polled every so many ms. */
    private record Load(int rate, int seconds, int writers, int pollMillis) {
    }

    /** What one offered load gave: writes accepted per second and the freshness of each write in milliseconds. */
    private record Run(int offered, double accepted, Latency freshness, double worst, int writes) {
    }

    @Test
    void freshnessOfReportsUnderASteadyWriteLoad() throws Exception {
        Suite suite = E2eSuite.get();
        String county = "500238";
        String admin = suite.token("county-admin", county);
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
        // Unmeasured: the JIT compiles the write and read paths of every service first. Its threads need minutes at this
        // machine's rates (a warm-up of 20 s at 40 writes/s left the next runs accepting a third of what later runs did),
        // so the warm-up offers the saturating load, both for writes and for the overview.
        Run warmUp = load(suite, township, villages, new Load(SATURATION_RATE, WARM_UP_SECONDS, WRITERS, 20));
        System.out.printf("Warm-up: %d s at %d writes/s offered, accepted %.0f/s%n", WARM_UP_SECONDS, SATURATION_RATE, warmUp.accepted());
        List<Run> runs = new ArrayList<>();
        for (int rate : RATES) {
            runs.add(load(suite, township, villages, new Load(rate, SECONDS, WRITERS, 20)));
        }
        saturation(suite, township, villages);
        System.out.printf("%n| freshness from 201 to the overview | writes/s accepted | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        for (Run run : runs) {
            System.out.printf("| %d writes/s offered for %d s | %.0f | %.0f | %.0f | %.0f |%n", run.offered(), SECONDS, run.accepted(),
                    run.freshness().p50(), run.freshness().p99(), run.worst());
        }

        Latency broker = brokerLatency(suite.settings().kafkaBootstrapServers());
        System.out.printf("Broker alone, a record from send (acks=all) to a consumer at %d/s: p50 %.1f ms, p99 %.1f ms%n",
                BROKER_PROBE_RATE, broker.p50(), broker.p99());
        for (Run run : runs) {
            String load = String.format(" (%d writes/s offered, %.0f accepted)", run.offered(), run.accepted());
            BenchmarkFigures.record(new BenchmarkFigures.Figure("freshness", "registrations accepted through the gateway", run.accepted(),
                    "writes/s", "writes offered", run.offered(), "accept what is offered"));
            BenchmarkFigures.record(new BenchmarkFigures.Figure("freshness", "p50, from 201 to the township's overview" + load,
                    run.freshness().p50(), "ms", "broker alone, send to receive, p50", broker.p50(), ""));
            BenchmarkFigures.record(new BenchmarkFigures.Figure("freshness", "p99, from 201 to the township's overview" + load,
                    run.freshness().p99(), "ms", "broker alone, send to receive, p99", broker.p99(), ""));
        }
    }

    /** Registrations offered at a steady rate for some seconds, the overview polled until it has counted every one. */
    private Run load(Suite suite, String township, List<String> villages, Load load) throws Exception {
        int writesPerSecond = load.rate();
        int seconds = load.seconds();
        String gateway = "http://localhost:" + E2eSuite.PORTS.gateway();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(load.writers())).build();
        // A county admin reads too: the analyst's rate limit (1,200 a minute) is below one poll every 20 ms.
        String reader = token("freshness-reader", "county-admin", suite);
        int baseline = counted(http, gateway, township, reader);

        int total = writesPerSecond * seconds;
        // Each writer its own subject, so that the per-caller rate limit measures nothing here.
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < load.writers(); i++) {
            writers.add(token("freshness-writer-" + i, "county-admin", suite));
        }
        long[] acceptedAt = new long[total];
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong lastAccepted = new AtomicLong();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        ExecutorService send = Executors.newFixedThreadPool(load.writers());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        long start = System.nanoTime();
        long windowEnd = start + Duration.ofSeconds(seconds).toNanos();
        // The clock only hands out writes; the writers send them, so a slow answer never slows the pace. A write
        // still waiting for a writer when the window closes is not sent: the run measures what the suite accepts
        // while the load is offered, and a saturated suite would otherwise work through the queue for minutes.
        pace.scheduleAtFixedRate(() -> send.submit(() -> {
            if (System.nanoTime() > windowEnd) {
                late.incrementAndGet();
                return;
            }
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/households"))
                        .header("Authorization", "Bearer " + writers.get(i % writers.size()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(Households.household(villages.get(i % VILLAGES), 2))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503) {
                    shed.incrementAndGet(); // overloaded: refused with Retry-After, nothing stored; counted, not a failure
                    return;
                }
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
        }), 0, 1_000_000 / writesPerSecond, TimeUnit.MICROSECONDS);

        List<Double> freshness = new ArrayList<>();
        int seen = 0;
        long deadline = windowEnd + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > windowEnd && !send.isShutdown()) {
                pace.shutdown();
                send.shutdown(); // the queued writes run, and skip themselves as late
            }
            boolean allSent = send.isTerminated();
            int counted = counted(http, gateway, township, reader) - baseline;
            long now = System.nanoTime();
            int acceptedSoFar = accepted.get();
            for (; seen < Math.min(counted, acceptedSoFar); seen++) {
                freshness.add((now - acceptedAt[seen]) / 1e6);
            }
            if (allSent && seen >= acceptedSoFar) {
                break;
            }
            Thread.sleep(load.pollMillis());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pace.shutdownNow();
        send.shutdownNow();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " writes failed, e.g. " + failures.peek());
        }
        if (seen < accepted.get()) {
            throw new IllegalStateException("only " + seen + " of " + accepted.get() + " writes reached the overview within " + elapsed + " s");
        }
        double achieved = accepted.get() / ((lastAccepted.get() - start) / 1e9);
        System.out.printf("%nFreshness: %,d writes accepted at %.0f/s of %d/s offered through the gateway (%d writers; %,d offered "
                + "too late for a writer to send them within %d s; %,d refused as overloaded, 503); %,d seen in the overview within %.0f s%n",
                accepted.get(), achieved, writesPerSecond, load.writers(), late.get(), seconds, shed.get(), freshness.size(), elapsed);
        return new Run(writesPerSecond, achieved, Latency.of(freshness, null), Collections.max(freshness), accepted.get());
    }

    /**
     * Registrations offered faster than the suite takes them: the rate it accepts, and the CPU time every process
     * of the suite spent from the first write until the overview counted the last one, per registration. The
     * overview is polled only four times a second here, so that reading it costs little beside the writes. When
     * flame graphs are asked for, a second run at the same load is profiled (the profiler's own cost stays out of
     * the measured run).
     */
    private void saturation(Suite suite, String township, List<String> villages) throws Exception {
        Load load = new Load(SATURATION_RATE, SECONDS, WRITERS, 250);
        // Unmeasured: the overview polled four times a second instead of fifty takes the reading paths the earlier loads did not.
        load(suite, township, villages, new Load(SATURATION_RATE, 20, WRITERS, 250));
        Map<String, Long> processes = SuiteCpu.processes(suite);
        Map<String, Double> idleBefore = SuiteCpu.read(processes);
        Thread.sleep(5_000);
        Map<String, Double> idle = SuiteCpu.between(idleBefore, SuiteCpu.read(processes));
        Map<String, Double> before = SuiteCpu.read(processes);
        Map<String, Double> compilingBefore = SuiteCpu.compilers(processes);
        long started = System.nanoTime();
        Run run = load(suite, township, villages, load);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Double> used = SuiteCpu.between(before, SuiteCpu.read(processes));
        Map<String, Double> compiling = SuiteCpu.between(compilingBefore, SuiteCpu.compilers(processes));
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        double compiled = compiling.values().stream().mapToDouble(Double::doubleValue).sum();
        double perThousand = total / run.writes() * 1000;
        double steadyPerThousand = (total - compiled) / run.writes() * 1000;
        System.out.printf("%nSaturation: %d writes/s offered by %d writers, %.0f accepted/s; %,d writes in %.1f s%n", load.rate(),
                load.writers(), run.accepted(), run.writes(), elapsed);
        System.out.printf("| part | CPU s over the run | of which the JIT compiler | per 1,000 registrations | without the JIT | share | "
                + "idle, CPU s per 5 s |%n|---|---|---|---|---|---|---|%n");
        used.forEach((part, seconds) -> {
            double jit = compiling.getOrDefault(part, 0.0);
            System.out.printf("| %s | %.1f | %.1f | %.2f | %.2f | %.0f %% | %.2f |%n", part, seconds, jit, seconds / run.writes() * 1000,
                    (seconds - jit) / run.writes() * 1000, 100 * seconds / total, idle.getOrDefault(part, 0.0));
        });
        System.out.printf("| all | %.1f | %.1f | %.2f | %.2f | 100 %% | %.2f |%n", total, compiled, perThousand, steadyPerThousand,
                idle.values().stream().mapToDouble(Double::doubleValue).sum());
        BenchmarkFigures.record(new BenchmarkFigures.Figure("freshness", "registrations accepted at saturation (" + load.rate() + " writes/s offered)",
                run.accepted(), "writes/s", "before issue 16 (3855a14), same benchmark", SATURATION_BEFORE, "≥ 250 writes/s"));
        BenchmarkFigures.record(new BenchmarkFigures.Figure("freshness",
                "CPU per 1,000 registrations at saturation, every process of the suite (services, Kafka, PostgreSQL)", perThousand,
                "CPU s", "before issue 16 (3855a14), same benchmark", CPU_PER_THOUSAND_BEFORE, "≤ 0.5 of before"));
        BenchmarkFigures.record(new BenchmarkFigures.Figure("freshness",
                "the same without the JIT compiler's threads (a one-time cost of a young JVM)", steadyPerThousand,
                "CPU s", "before issue 16 (3855a14), same benchmark", STEADY_CPU_PER_THOUSAND_BEFORE, "≤ 0.5 of before"));
        if (!FLAME_GRAPHS.isBlank()) {
            try (CpuProfiles profiles = CpuProfiles.start(processes, Path.of(FLAME_GRAPHS))) {
                load(suite, township, villages, new Load(SATURATION_RATE, 20, WRITERS, 250));
            }
        }
    }

    /**
     * The floor under freshness: a record sent to the suite's broker as the outbox relay sends (acks=all),
     * received by a consumer already waiting, at the benchmark's pace. The first tenth is warm-up.
     */
    private static Latency brokerLatency(String bootstrapServers) throws Exception {
        String topic = "bench.broker-latency";
        int records = BROKER_PROBE_RATE * 10;
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                        new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "made")).get();
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            List<Double> millis = new ArrayList<>();
            Thread sender = new Thread(() -> {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, Long.toString(System.nanoTime())));
                    LockSupport.parkNanos(1_000_000_000L / BROKER_PROBE_RATE);
                }
            });
            sender.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int received = 0;
            while (received < records && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (received++ >= records / 10) {
                        millis.add((System.nanoTime() - Long.parseLong(record.value())) / 1e6);
                    }
                }
            }
            sender.join();
            return Latency.of(millis, null);
        }
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
        return Jwt.issuer("fupin-suite").audience("fupin-api").subject(subject).groups(Set.of(role)).claim("region", "500238")
                .issuedAt(Instant.now()).expiresIn(Duration.ofMinutes(30)).sign(suite.signingKey());
    }
}
