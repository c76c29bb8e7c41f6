package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.assertj.core.api.SoftAssertions;
import org.fupin.e2e.BadRequests.BadRequest;
import org.fupin.e2e.OpenApiDocument.Operation;
import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Bad input to every operation of the merged OpenAPI document, through the gateway (issue 7):
 * generated from the schemas, so that a new endpoint is covered without a change here. Whatever a
 * client sends, the answer is never 5xx, every 4xx is a problem with a code, and nothing changes.
 */
class BadInputIT {

    /** Fixed, so that a failure can be reproduced request for request. */
    private static final long SEED = 20190625L;
    /** Enough for every kind of fault a few times over within the time budget; -Dfupin.bad-input.requests=100000 sends all. */
    private static final int REQUESTS_PER_OPERATION = Integer.getInteger("fupin.bad-input.requests", 60);
    /**
     * Quarkus' default quarkus.http.limits.max-initial-line-length. A longer request line is refused
     * by the HTTP codec of Vert.x with a bare 414 before any handler of ours runs, and Quarkus offers
     * no hook to give it a problem body (quarkusio/quarkus#55082): such a request must get that 414.
     */
    private static final int MAX_REQUEST_LINE = 4096;

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = "500235160";
    private static final String VILLAGE = TOWNSHIP + "201";
    /** The header row of a household import (as in RegistryErrorCodesIT): alone, it is an import of nothing. */
    private static final String CSV_HEADER = "householdRef,villageCode,address,phone,category,causes,primaryCause,identifiedYear,"
            + "annualIncomePerCapita,initialStatus,registeredOn,name,idNumber,relation,health,disabilityGrade,"
            + "severeMentalIllness,education,laborCapacity,medicalInsurance,migrantWorker";
    /** The import of nothing, as a body: valid, and it changes nothing. */
    static final byte[] CSV_HEADER_ROW = (CSV_HEADER + "\n").getBytes(StandardCharsets.UTF_8);

    /**
     * Operations whose contract answers a batch with 200 and an outcome per item: for them a bad
     * item is an item REJECTED in that answer, not a 4xx.
     */
    private static final Set<String> PER_ITEM_OUTCOMES = Set.of("POST /api/v1/visits/batch", "POST /api/v1/households/batch",
            "POST /api/v1/measures/confirmations/batch");

    private static Suite suite;
    private static String admin;
    /** One record of every kind, by the path segment that names its collection. */
    private static Map<String, String> existing;

    @BeforeAll
    static void oneRecordOfEveryKind() {
        suite = E2eSuite.get();
        admin = suite.token("county-admin", COUNTY);
        existing = OneOfEveryKind.in(admin, COUNTY, TOWNSHIP, VILLAGE, "坏输入");
        String job = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body(CSV_HEADER_ROW).post("/api/v1/household-imports")
                .then().statusCode(202).extract().path("jobId");
        // Finished before the fingerprint, so that its status cannot move under it.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(given().auth().oauth2(admin).get("/api/v1/household-imports/" + job).path("status")));
        existing.put("household-imports", job);
    }

    @Test
    void noBadRequestFailsOnTheServerOrAnswersWithoutAProblemOrChangesAnything() throws Exception {
        OpenApiDocument document = OpenApiDocument.parse(given().accept(ContentType.JSON).get("/openapi")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = document.operations();
        DataFingerprint fingerprint = new DataFingerprint(document, collection -> Optional.ofNullable(existing.get(collection)),
                suite, E2eSuite.countyAdmin("bad-input-fingerprint", COUNTY));
        Map<String, String> before = fingerprint.settled();

        Targets targets = new Targets();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> violations = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        OpenApiContract contract = E2eSuite.contract();
        List<String> unsendable = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        List<String> withoutInput = new ArrayList<>();
        long started = System.nanoTime();
        for (int index = 0; index < operations.size(); index++) {
            Operation operation = operations.get(index);
            if (operation.parameters().isEmpty() && operation.body().isEmpty()) {
                withoutInput.add(operation.key());
                continue;
            }
            // A caller of its own per operation: the rate limit is per caller, and no single one comes near it.
            String token = E2eSuite.countyAdmin("bad-input-operation-" + index, COUNTY);
            Map<Integer, Integer> seen = statuses.computeIfAbsent(operation.key(), key -> new TreeMap<>());
            for (BadRequest request : new BadRequests(document, operation, targets, SEED).generate(REQUESTS_PER_OPERATION)) {
                HttpRequest sendable;
                try {
                    sendable = build(request, token);
                } catch (IllegalArgumentException e) {
                    unsendable.add(request + ": " + e.getMessage());
                    continue;
                }
                HttpResponse<byte[]> response;
                try {
                    response = send(http, sendable);
                } catch (IOException e) {
                    violations.add(request + "\n    → no answer: " + e);
                    seen.merge(0, 1, Integer::sum);
                    continue;
                }
                seen.merge(response.statusCode(), 1, Integer::sum);
                check(request, response).ifPresent(violation -> violations.add(request + "\n    → " + violation));
                for (String breach : contract.breaches(request.method(), request.target(), response.statusCode(),
                        name -> response.headers().firstValue(name).orElse(null), response.body())) {
                    undocumented.add(request + "\n    → " + breach);
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, String> after = fingerprint.settled();

        report(statuses, took, withoutInput, unsendable, violations);
        undocumented.forEach(breach -> System.out.println("  UNDOCUMENTED " + breach));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(operations).as("operations in the merged OpenAPI document").isNotEmpty();
        softly.assertThat(statuses.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList())
                .as("operations no bad request could be made for").isEmpty();
        softly.assertThat(violations).as("bad requests answered with a server error, without a problem, or accepted (%d)",
                violations.size()).isEmpty();
        softly.assertThat(undocumented).as("answers the OpenAPI document does not describe (%d)", undocumented.size()).isEmpty();
        softly.assertThat(DataFingerprint.differences(before, after)).as("what the bad requests changed").isEmpty();
        softly.assertThat(before.keySet()).as("what the fingerprint watches").anyMatch(view -> view.contains(existing.get("households")));
        softly.assertAll();
    }

    /**
     * The answer; sent once more if the connection broke before one came, because a connection the
     * server closed after its previous answer (as it does after a 414) can still be taken from the pool.
     */
    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException closedUnderneath) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** What is wrong with the answer to a bad request, if anything. */
    private static Optional<String> check(BadRequest request, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String seen = status + " " + contentType + " " + excerpt(body);
        if ((request.method() + " " + request.target() + " HTTP/1.1").length() > MAX_REQUEST_LINE) {
            return status == 414 ? Optional.empty() : Optional.of("an over-long request line not refused with 414: " + seen);
        }
        if (status >= 500) {
            return Optional.of("server error: " + seen);
        }
        if (status >= 200 && status < 300) {
            if (request.method().equals("GET")) {
                return Optional.empty();
            }
            if (PER_ITEM_OUTCOMES.contains(request.operation()) && everyItemRejected(body)) {
                return Optional.empty();
            }
            return Optional.of("accepted although invalid: " + seen);
        }
        if (status < 400) {
            return Optional.of("neither an answer nor a problem: " + seen);
        }
        if (!contentType.startsWith("application/problem+json")) {
            return Optional.of("a 4xx that is not application/problem+json: " + seen);
        }
        Optional<JsonObject> problem = jsonObject(body);
        JsonValue code = problem.map(p -> p.get("code")).orElse(null);
        if (!(code instanceof JsonString text) || text.getString().isBlank()) {
            return Optional.of("a problem without a code: " + seen);
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.") || body.contains("SQL")) {
            return Optional.of("a problem that shows internals: " + seen);
        }
        return Optional.empty();
    }

    private static boolean everyItemRejected(String body) {
        return jsonObject(body).map(answer -> answer.get("results"))
                .filter(results -> results.getValueType() == JsonValue.ValueType.ARRAY)
                .map(results -> results.asJsonArray().stream().allMatch(result -> result instanceof JsonObject item
                        && "REJECTED".equals(item.getString("status", null))))
                .orElse(false);
    }

    private static HttpRequest build(BadRequest request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + request.target()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static void report(Map<String, Map<Integer, Integer>> statuses, Duration took, List<String> withoutInput,
            List<String> unsendable, List<String> violations) {
        int total = statuses.values().stream().mapToInt(seen -> seen.values().stream().mapToInt(Integer::intValue).sum()).sum();
        StringBuilder report = new StringBuilder("Bad input (seed ").append(SEED).append("): ").append(total)
                .append(" requests to ").append(statuses.size()).append(" operations in ").append(took.toSeconds())
                .append(" s, ").append(violations.size()).append(" violations\n");
        statuses.forEach((operation, seen) -> report.append(String.format("  %3d  %-55s %s%n",
                seen.values().stream().mapToInt(Integer::intValue).sum(), operation,
                seen.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" ")))));
        if (!withoutInput.isEmpty()) {
            report.append("Without parameters or body, nothing to send wrong: ").append(String.join(", ", withoutInput)).append('\n');
        }
        if (!unsendable.isEmpty()) {
            report.append("Not sent (the HTTP client refuses them): ").append(unsendable.size()).append('\n');
            unsendable.forEach(request -> report.append("  ").append(request).append('\n'));
        }
        System.out.println(report);
        violations.forEach(violation -> System.out.println("  VIOLATION " + violation));
    }

    private static Optional<JsonObject> jsonObject(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException notAnObject) {
            return Optional.empty();
        }
    }

    private static String excerpt(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    /** The records of the test, and the ETags that let a request past If-Match to the checks behind it. */
    private static final class Targets implements BadRequests.Targets {

        private final Map<String, Optional<String>> etags = new HashMap<>();

        @Override
        public Optional<String> existing(String collection) {
            return Optional.ofNullable(existing.get(collection));
        }

        @Override
        public Optional<String> etag(String path) {
            return etags.computeIfAbsent(path, this::read);
        }

        /** The ETag of the resource, or of the nearest one above it (a member's is its household's). */
        private Optional<String> read(String path) {
            for (String at = path; at.lastIndexOf('/') > "/api/v1".length(); at = OpenApiDocument.parentOf(at)) {
                Response response = given().auth().oauth2(admin).get(at);
                if (response.statusCode() == 200 && response.header("ETag") != null) {
                    return Optional.of(response.header("ETag"));
                }
            }
            return Optional.empty();
        }
    }
}
