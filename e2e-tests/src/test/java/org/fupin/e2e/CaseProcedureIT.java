package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fupin.suite.Suite;
import org.fupin.suite.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * The decision procedure (兩公示一公告) end to end through the gateway: a marginal household identified as
 * poor and a poor household's exit, each stage done by a different person in the role whose stage it is,
 * the identification stopped by an objection from the county's hotline that the township dismisses. Checks
 * what the county, an inspector and a villager would see: status and effective date, history, events, the
 * masked notice list of the day (and its printed pages in headless Chromium), the announcement and the
 * pipeline report.
 */
class CaseProcedureIT {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String COUNTY = "500253";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE_I = TOWNSHIP + "201";
    private static final String VILLAGE_E = TOWNSHIP + "202";
    private static final LocalDate TODAY = LocalDate.now(COUNTY_ZONE);
    /** The day the hotline's objection was received: both village notices were on the boards. */
    private static final LocalDate OBJECTION_DAY = TODAY.minusDays(35);
    private static final LocalDate ANNOUNCED = TODAY.minusDays(20);

    private static Suite suite;
    private static Path target;
    private static String admin;
    private static String identification;
    private static String exit;
    private static String identified;
    private static String exiting;

    @BeforeAll
    static void walkAnIdentificationAndAnExit() {
        suite = E2eSuite.get();
        target = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize().resolve("e2e-tests/target");
        admin = person("county-liu", "county-admin", COUNTY);
        String cadreI = person("cadre-wang", "village-cadre", VILLAGE_I);
        String teamI = person("team-li", "assistance-officer", VILLAGE_I);
        String cadreE = person("cadre-zhao", "village-cadre", VILLAGE_E);
        String teamE = person("team-sun", "assistance-officer", VILLAGE_E);
        String township = person("township-chen", "township-officer", TOWNSHIP);
        String hotline = person("hotline-12345", "integrator", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "巫山县", "COUNTY", null, 5000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "龙溪镇", "TOWNSHIP", COUNTY, 3000);
        SuiteSliceIT.putRegion(admin, VILLAGE_I, "桃源村", "VILLAGE", TOWNSHIP, 800);
        SuiteSliceIT.putRegion(admin, VILLAGE_E, "柳河村", "VILLAGE", TOWNSHIP, 700);

        identified = register(VILLAGE_I, "MONITORED");
        assess(identified, TODAY.minusDays(45), "C", 2100);
        exiting = register(VILLAGE_E, null);
        assess(exiting, TODAY.minusDays(45), "A", 9000);

        // 識別: proposed by the village cadre, verified by the work team, appraised, objected to and cleared.
        identification = created(as(cadreI).body(Map.of("householdId", identified, "kind", "IDENTIFY",
                "proposedOn", TODAY.minusDays(40).toString(), "reason", "因病致贫，住房不安全")).post("/api/v1/cases"));
        step(teamI, identification, "verification", Map.of("visitedOn", TODAY.minusDays(39).toString(),
                "findings", "入户核实：住房C级危房，人均收入2100元", "agrees", true));
        step(cadreI, identification, "appraisal", appraisal(TODAY.minusDays(38), TODAY.minusDays(38)));
        String objection = created(as(hotline).body(Map.of("text", "12345热线：该户儿子在县城有商品房", "filedOn",
                OBJECTION_DAY.toString())).post("/api/v1/cases/" + identification + "/objections"));
        as(township).body(Map.of("finding", "DISMISSED", "reason", "经核实，房产登记在他人名下", "resolvedOn",
                TODAY.minusDays(33).toString())).post("/api/v1/cases/" + identification + "/objections/" + objection + "/finding")
                .then().statusCode(200);
        step(township, identification, "township-review", Map.of("decision", "APPROVE", "reviewedOn", TODAY.minusDays(30).toString()));
        step(admin, identification, "county-decision", Map.of("decision", "APPROVE", "announcedOn", ANNOUNCED.toString()));

        // 脫貧: proposed by the work team, verified and acknowledged through the cadre, appraised, reviewed, announced.
        exit = created(as(teamE).body(Map.of("householdId", exiting, "kind", "EXIT", "proposedOn", TODAY.minusDays(40).toString(),
                "reason", "两不愁三保障达标，收入稳定超过标准")).post("/api/v1/cases"));
        step(cadreE, exit, "verification", Map.of("visitedOn", TODAY.minusDays(39).toString(), "findings", "入户核实：达到退出标准",
                "agrees", true));
        step(cadreE, exit, "acknowledgement", Map.of("signedOn", TODAY.minusDays(39).toString(), "agrees", true));
        step(cadreE, exit, "appraisal", appraisal(TODAY.minusDays(37), TODAY.minusDays(37)));
        step(township, exit, "township-review", Map.of("decision", "APPROVE", "reviewedOn", TODAY.minusDays(29).toString()));
        step(admin, exit, "county-decision", Map.of("decision", "APPROVE", "announcedOn", ANNOUNCED.toString()));
    }

    @Test
    void theHouseholdsTakeTheirNewStatusOnTheAnnouncementsDate() {
        household(identified).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("POOR"))
                .body("statusSince", org.hamcrest.Matchers.equalTo(ANNOUNCED.toString()));
        household(exiting).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("EXITED"))
                .body("statusSince", org.hamcrest.Matchers.equalTo(ANNOUNCED.toString()));
    }

    @Test
    void theHistoryHoldsEveryStageWithItsCaseAndTheObjection() {
        JsonPath history = as(admin).get("/api/v1/households/" + identified + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action", String.class)).containsSubsequence("REGISTER", "ASSESS", "CASE_PROPOSAL",
                "CASE_VERIFICATION", "CASE_APPRAISAL", "CASE_OBJECTION", "CASE_OBJECTION_FINDING", "CASE_VILLAGE_NOTICE",
                "CASE_TOWNSHIP_REVIEW", "CASE_TOWNSHIP_NOTICE", "CASE_COUNTY_APPROVAL", "IDENTIFY");
        List<Map<String, Object>> items = history.getList("items");
        assertThat(items.stream().filter(i -> String.valueOf(i.get("action")).startsWith("CASE_")).map(i -> i.get("caseId")))
                .isNotEmpty().allMatch(identification::equals);
        assertThat(history.getString("items.find { it.action == 'CASE_VERIFICATION' }.actor")).startsWith("team-li");
        assertThat(history.getString("items.find { it.action == 'CASE_TOWNSHIP_REVIEW' }.actor")).startsWith("township-chen");
        assertThat(history.getString("items.find { it.action == 'CASE_COUNTY_APPROVAL' }.actor")).startsWith("county-liu");
        // The objection's words stay in the register, out of the history's changes.
        assertThat(history.prettify()).doesNotContain("商品房");

        JsonPath timeline = as(admin).get("/api/v1/cases/" + exit + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("stage", String.class)).containsExactly("PROPOSAL", "VERIFICATION", "ACKNOWLEDGEMENT",
                "APPRAISAL", "VILLAGE_NOTICE", "TOWNSHIP_REVIEW", "COUNTY_APPROVAL");
    }

    @Test
    void everyStageIsAnEventWithoutPersonalDataAndTheStatusChangeNamesTheCase() {
        List<JsonPath> events = new ArrayList<>();
        await("the case events on household.events").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            events.clear();
            events.addAll(eventsOf(Set.of(identification, identified)));
            assertThat(events).extracting(e -> e.getString("type")).contains("case.decided", "household.status-changed");
        });
        List<String> caseTypes = events.stream().filter(e -> identification.equals(e.getString("data.caseId")))
                .map(e -> e.getString("type")).filter(t -> t.startsWith("case.")).toList();
        assertThat(caseTypes).containsExactly("case.opened", "case.stage-completed", "case.stage-completed", "case.objected",
                "case.objection-resolved", "case.stage-completed", "case.stage-completed", "case.stage-completed",
                "case.stage-completed", "case.decided");
        JsonPath changed = events.stream().filter(e -> e.getString("type").equals("household.status-changed")).findFirst().orElseThrow();
        assertThat(changed.getString("data.caseId")).isEqualTo(identification);
        assertThat(changed.getString("data.action")).isEqualTo("IDENTIFY");
        assertThat(changed.getString("data.effectiveDate")).isEqualTo(ANNOUNCED.toString());
        String caseEvents = events.stream().filter(e -> e.getString("type").startsWith("case.")).map(JsonPath::prettify).toList().toString();
        assertThat(caseEvents).doesNotContainPattern("王[^*]国").doesNotContain("商品房").doesNotContain("因病致贫").doesNotContain("房产登记");
    }

    @Test
    void theNoticeListOfTheObjectionDayShowsBothVillagesMasked() {
        JsonPath list = as(person("cadre-wang", "village-cadre", VILLAGE_I)).queryParam("region", VILLAGE_I)
                .queryParam("on", OBJECTION_DAY.toString()).get("/api/v1/public-notices").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("villages.village.code")).containsExactly(VILLAGE_I);
        assertThat(list.getString("villages[0].entries[0].caseId")).isEqualTo(identification);
        assertThat(list.getInt("villages[0].entries[0].objections")).isEqualTo(1);

        JsonPath township = as(admin).queryParam("region", TOWNSHIP).queryParam("on", OBJECTION_DAY.toString())
                .get("/api/v1/public-notices").then().statusCode(200).extract().jsonPath();
        assertThat(township.getList("villages.village.name")).containsExactly("桃源村", "柳河村");
        assertThat(township.getList("villages.entries.flatten().headName")).containsOnly("王*国");
        assertThat(township.getList("villages.entries.flatten().headIdNumber", String.class))
                .allMatch(id -> id.matches("\\d{6}\\*{8}\\d{3}[0-9X]"));
        assertThat(township.getList("villages.entries.flatten().kind")).containsExactly("IDENTIFY", "EXIT");
        assertThat(township.getString("villages[1].entries[0].startsOn")).isEqualTo(TODAY.minusDays(37).toString());
        assertThat(township.prettify()).doesNotContainPattern("王[^*]国");

        String csv = as(admin).accept("text/csv").queryParam("region", TOWNSHIP).queryParam("on", OBJECTION_DAY.toString())
                .get("/api/v1/public-notices").then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).toList()).hasSize(2).allMatch(line -> line.contains(",王*国,"));

        // The township notice of the identification (鄉鎮公示) is on the board after the township's review.
        as(admin).queryParam("region", TOWNSHIP).queryParam("on", TODAY.minusDays(25).toString()).get("/api/v1/public-notices")
                .then().statusCode(200).body("villages.entries.flatten().notice", org.hamcrest.Matchers.contains("TOWNSHIP_NOTICE"));
    }

    @Test
    void theAnnouncementListsBothDecisions() {
        as(admin).queryParam("region", COUNTY).queryParam("from", ANNOUNCED.toString()).queryParam("to", ANNOUNCED.toString())
                .get("/api/v1/announcements").then().statusCode(200)
                .body("entries.caseId", org.hamcrest.Matchers.containsInAnyOrder(identification, exit))
                .body("entries.announcedOn", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(ANNOUNCED.toString())))
                .body("entries.headName", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("王*国")));
    }

    @Test
    void thePipelineReportCountsTheDecisionsAndTheObjectionAsOfAnyDay() {
        String analyst = suite.token("analyst", COUNTY);
        await("the pipeline report").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath now = report(analyst, TODAY);
            assertThat(now.getLong("kinds.find { it.kind == 'IDENTIFY' }.approved")).isEqualTo(1);
            assertThat(now.getLong("kinds.find { it.kind == 'EXIT' }.approved")).isEqualTo(1);
            assertThat(now.getLong("objected")).isZero();
            JsonPath objected = report(analyst, OBJECTION_DAY);
            assertThat(objected.getLong("objected")).isEqualTo(1);
            assertThat(objected.getLong("kinds.find { it.kind == 'IDENTIFY' }.objected")).isEqualTo(1);
            assertThat(objected.getLong("kinds.find { it.kind == 'EXIT' }.open")).isEqualTo(1);
            assertThat(objected.getLong("rows.find { it.region.code == '" + TOWNSHIP + "' }.objected")).isEqualTo(1);
            assertThat(now.getDouble("durations.find { it.stage == 'VILLAGE_NOTICE' }.medianDays")).isEqualTo(7.0);
        });
    }

    @Test
    void thePrintedNoticeListHasOnePageForEachVillage() throws IOException {
        Response page = as(admin).accept("text/html").queryParam("region", TOWNSHIP).queryParam("on", OBJECTION_DAY.toString())
                .get("/api/v1/public-notices");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        Path html = target.resolve("public-notices.html");
        Files.createDirectories(target);
        Files.writeString(html, page.asString(), StandardCharsets.UTF_8);

        Chromium.ensureInstalled(target.resolve("chromium-install.log"));
        ChromeDriver browser = Chromium.start(900, 1300);
        try {
            browser.get(html.toUri().toString());
            assertThat(browser.findElements(By.cssSelector("section.page"))).hasSize(2);
            assertThat(browser.findElement(By.cssSelector("section[data-village='" + VILLAGE_I + "'] h1")).getText())
                    .isEqualTo("龙溪镇桃源村公示名单");
            assertThat(browser.findElement(By.cssSelector("section[data-village='" + VILLAGE_E + "'] tbody")).getText())
                    .contains("王*国", "贫困户退出", "村级公示").doesNotContainPattern("王[^*]国");
            Files.write(target.resolve("public-notices.png"), browser.getScreenshotAs(OutputType.BYTES));
            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
            Pdf pdf = browser.print(a4);
            byte[] document = Base64.getDecoder().decode(pdf.getContent());
            Files.write(target.resolve("public-notices.pdf"), document);
            assertThat(pages(document)).as("printed pages, one per village").isEqualTo(2);
        } finally {
            browser.quit();
        }
    }

    private static int pages(byte[] pdf) {
        // Chromium writes its PDF objects uncompressed: each page is an object of /Type /Page.
        Matcher page = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (page.find()) {
            pages++;
        }
        return pages;
    }

    private static JsonPath report(String token, LocalDate asOf) {
        return given().auth().oauth2(token).queryParam("region", COUNTY).queryParam("asOf", asOf.toString())
                .get("/api/v1/reports/cases").then().statusCode(200).extract().jsonPath();
    }

    private static List<JsonPath> eventsOf(Set<String> keys) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.settings().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-cases-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonPath> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("household.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    if (keys.contains(record.key())) {
                        events.add(JsonPath.from(record.value()));
                    }
                }
            }
        }
        return events;
    }

    private static String person(String subject, String role, String region) {
        return Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(subject).claim("name", subject)
                .groups(Set.of(role)).claim("region", region).expiresIn(3600)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(suite.signingKey());
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Response household(String id) {
        return as(admin).get("/api/v1/households/" + id);
    }

    private static String register(String village, String initialStatus) {
        Map<String, Object> body = Households.household(village, 2);
        body.put("registeredOn", TODAY.minusDays(400).toString());
        if (initialStatus != null) {
            body.put("initialStatus", initialStatus);
        }
        return created(as(admin).body(body).post("/api/v1/households"));
    }

    private static void assess(String household, LocalDate on, String housing, int income) {
        created(as(admin).body(Households.assessment(on, housing, income)).post("/api/v1/households/" + household + "/assessments"));
    }

    private static Map<String, Object> appraisal(LocalDate meetingOn, LocalDate noticeStartsOn) {
        return Map.of("meetingOn", meetingOn.toString(), "attendees", 31, "votesFor", 27, "votesAgainst", 2, "abstentions", 2,
                "noticeStartsOn", noticeStartsOn.toString());
    }

    private static void step(String token, String caseId, String stage, Map<String, Object> body) {
        String etag = as(admin).get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        Response answer = as(token).header("If-Match", etag).body(body).post("/api/v1/cases/" + caseId + "/" + stage);
        assertThat(answer.statusCode()).as(stage + ": " + answer.asString()).isEqualTo(200);
    }

    private static String created(Response answer) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        return answer.path("id");
    }
}
