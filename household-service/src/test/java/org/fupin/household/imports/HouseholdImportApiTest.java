package org.fupin.household.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.ManagementInterface;
import org.fupin.testing.PrometheusText;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The bulk CSV import through the API, against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdImportApiTest {

    private static final int HOUSEHOLDS = 10_000;
    /** Without the charset a client library may send text as ISO-8859-1; the import reads UTF-8. */
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String[] RELATIONS = { "HEAD", "SPOUSE", "CHILD" };

    private final EventCodec codec = new EventCodec();
    private final EventSchemas schemas = new EventSchemas(codec);

    /** The import of a file of 10,000 households with 50 bad ones, each bad in one row and in its own way. */
    private record BigImport(String jobId, String token, String township, List<Tuple> expectedErrors, String badHouseholdHead,
            String goodHouseholdHead, Map<String, Double> counted) {
    }

    private static final int BAD_HOUSEHOLDS = 50;

    // Made once for the tests that each check one thing of it: an import of 10,000 households takes seconds.
    private static BigImport bigImport;

    private static synchronized BigImport bigImport() throws IOException {
        if (bigImport == null) {
            String village = Fixtures.freshVillage();
            String township = village.substring(0, 9);
            String otherVillage = Fixtures.freshVillage();
            List<String> registeredIdNumbers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Map<String, Object> household = Fixtures.household(otherVillage);
                given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(household)
                        .post("/api/v1/households").then().statusCode(201);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> members = (List<Map<String, Object>>) household.get("members");
                members.forEach(member -> registeredIdNumbers.add((String) member.get("idNumber")));
            }
            Path file = Files.createTempFile("households", ".csv");
            BadFile bad;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                bad = new BadFile(out, village, registeredIdNumbers);
                bad.write();
            }
            assertThat(bad.expected).hasSize(BAD_HOUSEHOLDS);
            String token = TestTokens.token("township-officer", township);
            PrometheusText before = ManagementInterface.metrics();
            String jobId = given().auth().oauth2(token).contentType("text/csv").body(file.toFile())
                    .queryParam("fileName", "households.csv")
                    .post("/api/v1/household-imports")
                    .then().statusCode(202)
                    .header("Location", matchesPattern(".*/api/v1/household-imports/[0-9a-f-]{36}"))
                    .extract().path("jobId");
            Files.delete(file);
            await(jobId, token, Duration.ofSeconds(60));
            PrometheusText after = ManagementInterface.metrics();
            Map<String, Double> counted = new HashMap<>();
            counted.put("rows", after.value("fupin_import_rows_total", Map.of()) - before.value("fupin_import_rows_total", Map.of()));
            for (String outcome : List.of("registered", "refused")) {
                Map<String, String> labels = Map.of("outcome", outcome);
                counted.put(outcome, after.value("fupin_import_households_total", labels)
                        - before.value("fupin_import_households_total", labels));
            }
            bigImport = new BigImport(jobId, token, township, List.copyOf(bad.expected), bad.badHouseholdHead, bad.goodHouseholdHead,
                    counted);
        }
        return bigImport;
    }

    @Test
    void jobCountsEveryHouseholdAndEveryBadOne() throws IOException {
        BigImport run = bigImport();

        JsonPath job = given().auth().oauth2(run.token()).get("/api/v1/household-imports/" + run.jobId())
                .then().statusCode(200).extract().jsonPath();

        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("total")).isEqualTo(HOUSEHOLDS * 3);
        assertThat(job.getInt("processed")).isEqualTo(HOUSEHOLDS * 3);
        assertThat(job.getInt("failed")).isEqualTo(BAD_HOUSEHOLDS);
        assertThat(job.getInt("succeeded")).isEqualTo(HOUSEHOLDS - BAD_HOUSEHOLDS);
        // What an operator's Prometheus counted of the same import.
        assertThat(run.counted()).containsEntry("rows", (double) HOUSEHOLDS * 3)
                .containsEntry("registered", (double) (HOUSEHOLDS - BAD_HOUSEHOLDS)).containsEntry("refused", (double) BAD_HOUSEHOLDS);
    }


    @Test
    void jobReportsExactlyTheBadRowsWithTheirFieldAndCode() throws IOException {
        BigImport run = bigImport();

        JsonPath job = given().auth().oauth2(run.token()).get("/api/v1/household-imports/" + run.jobId())
                .then().statusCode(200).extract().jsonPath();

        assertThat(job.getInt("errorCount")).isEqualTo(BAD_HOUSEHOLDS);
        assertThat(job.getBoolean("errorsTruncated")).isFalse();
        List<Map<String, Object>> errors = job.getList("errors");
        assertThat(errors).extracting(e -> tuple(((Number) e.get("row")).longValue(), e.get("field"), e.get("code")))
                .containsExactlyElementsOf(run.expectedErrors());
    }

    @Test
    void pagedErrorListHoldsTheSameRows() throws IOException {
        BigImport run = bigImport();

        List<Object> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(run.token()).queryParam("limit", 20).queryParam("cursor", cursor)
                    .get("/api/v1/household-imports/" + run.jobId() + "/errors").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.row"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(paged).extracting(row -> ((Number) row).longValue())
                .containsExactlyElementsOf(run.expectedErrors().stream().map(t -> (Long) t.toArray()[0]).toList());
    }

    @Test
    void onlyTheGoodHouseholdsAreRegistered() throws IOException {
        BigImport run = bigImport();

        String csv = given().auth().oauth2(run.token()).accept("text/csv").queryParam("region", run.township())
                .get("/api/v1/households").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(1 + HOUSEHOLDS - BAD_HOUSEHOLDS);
        given().auth().oauth2(run.token()).queryParam("q", run.badHouseholdHead()).get("/api/v1/households")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void importedHouseholdsHistoryNamesTheImportAndWhoStartedIt() throws IOException {
        BigImport run = bigImport();

        given().auth().oauth2(run.token()).get("/api/v1/households/" + imported(run) + "/history")
                .then().statusCode(200)
                .body("items[0].action", equalTo("IMPORT"))
                .body("items[0].actor", equalTo("test-township-officer (Test township-officer)"))
                .body("items[0].changes.field", hasItems("villageCode", "status"));
    }

    @Test
    void importedHouseholdIsPublishedAsRegisteredWithoutNamesOrPhones() throws IOException {
        BigImport run = bigImport();
        String imported = imported(run);

        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers())
                .readUntil("household.events", Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> imported.equals(r.key())));
        ConsumerRecord<String, String> record = records.stream().filter(r -> imported.equals(r.key())).findFirst().orElseThrow();
        CloudEvent event = codec.parse(record.value());
        assertThat(event.type()).isEqualTo("household.registered");
        assertThat(schemas.violations(event)).isEmpty();
        assertThat(record.value()).doesNotContain(run.goodHouseholdHead()).doesNotContain("户主").doesNotContain("13800138000");
    }

    /** The household of the good head, found by name. */
    private static String imported(BigImport run) {
        return given().auth().oauth2(run.token()).queryParam("q", run.goodHouseholdHead()).get("/api/v1/households")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("items[0].id");
    }

    @Test
    void refusesAHeaderWithoutAllColumnsAndCreatesNoJob() {
        String header = ImportFiles.header().replace(",migrantWorker", ",surprise");
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(CSV).body(header)
                .post("/api/v1/household-imports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("Location", (String) null)
                .body("code", equalTo("invalid-csv-header"))
                .body("detail", org.hamcrest.Matchers.containsString("1 missing, 1 unknown, 0 repeated"))
                .body("errors.field", hasItems("migrantWorker", "surprise"))
                .body("errors.code", hasItems("missing-column", "unknown-column"));
    }

    @Test
    void aHeaderOfAThousandUnknownColumnsListsFiftyAndCountsTheRest() {
        StringBuilder header = new StringBuilder(ImportFiles.header().strip());
        for (int i = 0; i < 1000; i++) {
            header.append(",extra").append(i);
        }
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(CSV).body(header + "\n")
                .post("/api/v1/household-imports")
                .then().statusCode(400)
                .body("code", equalTo("invalid-csv-header"))
                .body("errors", org.hamcrest.Matchers.hasSize(50))
                .body("moreErrors", equalTo(950))
                .body("detail", org.hamcrest.Matchers.containsString("1000 unknown"));
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        String village = Fixtures.freshVillage();
        byte[] gbk = smallFile(village, 40).getBytes(java.nio.charset.Charset.forName("GBK"));
        given().auth().oauth2(TestTokens.token("county-admin")).contentType("text/csv").body(gbk)
                .post("/api/v1/household-imports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-csv"));
    }

    @Test
    void documentsTheImportInOpenApi() {
        given().baseUri(org.fupin.testing.ManagementInterface.url()).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/household-imports'.post.requestBody.content", org.hamcrest.Matchers.hasKey("text/csv"))
                .body("paths.'/api/v1/household-imports'.post.responses", org.hamcrest.Matchers.hasKey("202"))
                .body("paths.'/api/v1/household-imports/{jobId}'.get.description", org.hamcrest.Matchers.containsString("count households"));
    }

    @Test
    void acceptsOnlyCsv() {
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/household-imports")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void showsAJobOnlyToWhoeverStartedItAndToCountyAdmins() {
        String village = Fixtures.freshVillage();
        String owner = TestTokens.sign(TestTokens.claims("cadre-" + UUID.randomUUID(), "village-cadre", village));
        String colleague = TestTokens.sign(TestTokens.claims("cadre-" + UUID.randomUUID(), "village-cadre", village));
        String jobId = given().auth().oauth2(owner).contentType(CSV).body(smallFile(village, 0))
                .post("/api/v1/household-imports").then().statusCode(202).extract().path("jobId");

        JsonPath job = await(jobId, owner, Duration.ofSeconds(30));
        assertThat(job.getInt("succeeded")).isEqualTo(1);
        given().auth().oauth2(colleague).get("/api/v1/household-imports/" + jobId)
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(colleague).get("/api/v1/household-imports/" + jobId + "/errors")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/household-imports/" + jobId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(TestTokens.token("analyst")).contentType(CSV).body(smallFile(village, 10))
                .post("/api/v1/household-imports").then().statusCode(403);
    }

    @Test
    void replaysTheFirstJobForARepeatedIdempotencyKey() {
        String village = Fixtures.freshVillage();
        String token = TestTokens.token("village-cadre", village);
        String key = "import-" + UUID.randomUUID();
        String file = smallFile(village, 20);
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(CSV).body(file)
                .post("/api/v1/household-imports").then().statusCode(202).extract().path("jobId");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(CSV).body(file)
                .post("/api/v1/household-imports")
                .then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/household-imports/" + first))
                .body("jobId", equalTo(first));
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(CSV).body(smallFile(village, 30))
                .post("/api/v1/household-imports")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));

        assertThat(await(first, token, Duration.ofSeconds(30)).getInt("succeeded")).isEqualTo(1);
    }

    private static String smallFile(String village, int firstId) {
        String region = "50023" + (7 + firstId % 2);
        return ImportFiles.header()
                + ImportFiles.line(ImportFiles.row("H1", village, "张大山", ImportFiles.idNumber(region, 500_000 + firstId), "HEAD"))
                + ImportFiles.line(ImportFiles.row("H1", village, "李秀英", ImportFiles.idNumber(region, 500_001 + firstId), "SPOUSE"));
    }

    private static JsonPath await(String jobId, String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath job = given().auth().oauth2(token).get("/api/v1/household-imports/" + jobId)
                    .then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || System.nanoTime() > deadline) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Writes the 10,000 households, 3 members each; every 200th household (from the 100th) has one
     * bad row, of one of ten kinds in turn, and the row, column and code it must be reported with.
     */
    private static final class BadFile {

        private final Writer out;
        private final String village;
        private final List<String> registeredIdNumbers;
        private final List<Tuple> expected = new ArrayList<>();
        private final Set<Integer> goodHouseholds = new HashSet<>();
        private long nextRow = 2;
        private int nextId;
        private String badHouseholdHead;
        private String goodHouseholdHead;

        BadFile(Writer out, String village, List<String> registeredIdNumbers) {
            this.out = out;
            this.village = village;
            this.registeredIdNumbers = registeredIdNumbers;
        }

        void write() throws IOException {
            out.write(ImportFiles.header());
            List<Map<String, String>> previous = null;
            int h = 0;
            while (h < HOUSEHOLDS) {
                List<Map<String, String>> rows = household(h);
                if (h % 200 != 100) {
                    write(rows);
                    previous = rows;
                    h++;
                    continue;
                }
                int kind = (h / 200) % 10;
                switch (kind) {
                    case 0 -> {
                        String valid = rows.get(1).get("idNumber");
                        rows.get(1).put("idNumber", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));
                        expect(1, "idNumber", "id-number-check-digit");
                        badHouseholdHead = rows.get(0).get("idNumber");
                    }
                    case 1 -> {
                        rows.get(2).put("relation", "HEAD");
                        expect(0, "relation", "head-count");
                    }
                    case 2 -> {
                        rows.forEach(row -> row.put("villageCode", "500235999999"));
                        expect(0, "villageCode", "unknown-village");
                    }
                    case 3 -> {
                        rows.get(2).put("health", "SICK");
                        expect(2, "health", "invalid-value");
                    }
                    case 4 -> {
                        rows.get(2).put("idNumber", previous.get(1).get("idNumber"));
                        expect(2, "idNumber", "duplicate-in-file");
                    }
                    case 5 -> {
                        rows.get(1).put("idNumber", registeredIdNumbers.remove(0));
                        expect(1, "idNumber", "duplicate-id-number");
                    }
                    case 6 -> {
                        rows.get(1).put("address", "另一个地址");
                        expect(1, "address", "inconsistent-household");
                    }
                    case 7 -> {
                        rows.get(0).put("medicalInsurance", "maybe");
                        expect(0, "medicalInsurance", "invalid-value");
                    }
                    case 8 -> {
                        rows.get(2).put("disabilityGrade", "7");
                        expect(2, "disabilityGrade", "range");
                    }
                    default -> {
                        // The third row of this household comes after the next household's rows.
                        List<Map<String, String>> next = household(h + 1);
                        write(rows.subList(0, 2));
                        write(next);
                        expected.add(tuple(nextRow, "householdRef", "household-rows-not-together"));
                        write(rows.subList(2, 3));
                        previous = next;
                        h += 2;
                        continue;
                    }
                }
                write(rows);
                previous = rows;
                h++;
            }
            goodHouseholdHead = ImportFiles.idNumber("500236", 3 * 5_000);
        }

        private List<Map<String, String>> household(int h) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                rows.add(ImportFiles.row("R" + h, village, (m == 0 ? "户主" : "成员") + "甲乙丙".charAt(m),
                        ImportFiles.idNumber("500236", nextId++), RELATIONS[m]));
            }
            return rows;
        }

        /** The error of member {@code member} of the household about to be written. */
        private void expect(int member, String field, String code) {
            expected.add(tuple(nextRow + member, field, code));
        }

        private void write(List<Map<String, String>> rows) throws IOException {
            for (Map<String, String> row : rows) {
                out.write(ImportFiles.line(row));
                nextRow++;
            }
        }
    }
}
