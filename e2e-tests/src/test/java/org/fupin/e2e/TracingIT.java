package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.fupin.e2e.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * One registration through the gateway is one trace: the gateway's span, household-service's request and the
 * creation of its event, and each consumer applying that event after it crossed the outbox and Kafka (the
 * context travels in the CloudEvent's traceparent). The services export to a small OTLP receiver, as they would
 * to a collector. The caller's traceparent is not sampled: the gateway decides, and keeps only its trace id. The
 * services log in JSON here, and their access lines name the request, the trace and the caller's subject.
 */
class TracingIT {

    private static final String COUNTY = "500246";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final String SUBJECT = "tracing-admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRegistrationIsOneTraceFromTheGatewayToEveryReadModel() {
        E2eSuite.get();
        String admin = E2eSuite.countyAdmin(SUBJECT, COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "追踪县", "COUNTY", null, 1000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "追踪镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, VILLAGE, "追踪村", "VILLAGE", TOWNSHIP, 600);
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        String requestId = "trace-it-" + UUID.randomUUID();
        Map<String, Object> household = Households.household(VILLAGE, 2);

        given().auth().oauth2(admin).header("traceparent", "00-" + traceId + "-" + callerSpan + "-00")
                .header("X-Request-Id", requestId).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201);

        OtlpReceiver receiver = OtlpReceiver.get();
        // Each process exports on its own schedule: wait for every hop, not for the last one expected.
        await("every hop exports its span").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> hops(receiver.spansOf(traceId)).containsAll(Set.of("gateway/" + ReceivedSpan.SERVER,
                        "household-service/" + ReceivedSpan.SERVER, "household-service/" + ReceivedSpan.PRODUCER,
                        "assistance-service/" + ReceivedSpan.CONSUMER, "reporting-service/" + ReceivedSpan.CONSUMER)));
        List<ReceivedSpan> spans = receiver.spansOf(traceId);

        ReceivedSpan gateway = only(spans, "gateway", ReceivedSpan.SERVER);
        assertThat(gateway.parentSpanId()).as("the gateway's span continues the caller's").isEqualTo(callerSpan);
        ReceivedSpan registration = only(spans, "household-service", ReceivedSpan.SERVER);
        assertThat(registration.name()).contains("/api/v1/households");
        assertThat(ancestors(spans, registration)).as("household-service's request is under the gateway's span")
                .contains(gateway.spanId());
        ReceivedSpan created = only(spans, "household-service", ReceivedSpan.PRODUCER);
        assertThat(created.name()).isEqualTo("create household.events");
        assertThat(created.parentSpanId()).isEqualTo(registration.spanId());
        for (String consumer : List.of("assistance-service", "reporting-service")) {
            ReceivedSpan applied = spans.stream()
                    .filter(span -> span.service().equals(consumer) && span.kind() == ReceivedSpan.CONSUMER).findFirst().orElseThrow();
            assertThat(applied.name()).isEqualTo("process household.events");
            assertThat(applied.parentSpanId()).as(consumer + " applies the event under the span that created it")
                    .isEqualTo(created.spanId());
        }
        Set<String> known = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        assertThat(spans).as("no span of the trace hangs off a span outside it").allSatisfy(span ->
                assertThat(known.contains(span.parentSpanId()) || span.parentSpanId().equals(callerSpan)).isTrue());

        List<JsonNode> householdLines = linesOfTrace("household", traceId);
        assertThat(householdLines).as("household-service's log lines of the trace").isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("service").asText()).isEqualTo("household-service");
            assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(requestId);
            assertThat(line.path("mdc").path("subject").asText()).isEqualTo(SUBJECT);
        });
        assertThat(linesOfTrace("gateway", traceId)).as("the gateway's log lines of the trace").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(requestId));
        String head = headIdNumber(household);
        for (String service : List.of("household", "gateway")) {
            String log = read(service);
            assertThat(log).as(service + "'s log holds no token").doesNotContain(admin);
            assertThat(log).as(service + "'s log holds no ID number").doesNotContain(head);
        }
    }

    /** The services and kinds of the spans received, as "service/kind". */
    private static Set<String> hops(List<ReceivedSpan> spans) {
        return spans.stream().map(span -> span.service() + "/" + span.kind()).collect(Collectors.toSet());
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String service, int kind) {
        List<ReceivedSpan> found = spans.stream().filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertThat(found).as(service + "'s spans of kind " + kind + " in " + spans).hasSize(1);
        return found.get(0);
    }

    /** The span ids above a span, up to the first one whose parent was not received. */
    private static List<String> ancestors(List<ReceivedSpan> spans, ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s));
        List<String> above = new ArrayList<>();
        for (ReceivedSpan parent = byId.get(span.parentSpanId()); parent != null; parent = byId.get(parent.parentSpanId())) {
            above.add(parent.spanId());
        }
        return above;
    }

    /** The JSON log lines of a service that name a trace. */
    private static List<JsonNode> linesOfTrace(String service, String traceId) {
        return read(service).lines().filter(line -> line.startsWith("{")).map(TracingIT::parse)
                .filter(line -> traceId.equals(line.path("mdc").path("traceId").asText())).toList();
    }

    private static String read(String service) {
        Path log = E2eSuite.get().logFile(service);
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("a log line is not JSON: " + line, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String headIdNumber(Map<String, Object> household) {
        return ((List<Map<String, Object>>) household.get("members")).get(0).get("idNumber").toString();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
