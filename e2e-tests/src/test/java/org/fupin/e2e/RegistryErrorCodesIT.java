package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fupin.e2e.ErrorScenario.View;
import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every error code of household-service (and of the platform and gateway in front of it), provoked end to end through the gateway. */
class RegistryErrorCodesIT {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = "500235120";
    private static final String VILLAGE = TOWNSHIP + "201";
    /** A village of its own for the oversized upload, so that anything it registered would show. */
    private static final String UPLOAD_VILLAGE = TOWNSHIP + "203";
    private static final String UNDEFINED_VILLAGE = TOWNSHIP + "299";
    private static final String OTHER_TOWNSHIP = "500235121";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CSV_HEADER = "householdRef,villageCode,address,phone,category,causes,primaryCause,identifiedYear,"
            + "annualIncomePerCapita,initialStatus,registeredOn,name,idNumber,relation,health,disabilityGrade,"
            + "severeMentalIllness,education,laborCapacity,medicalInsurance,migrantWorker";

    /** Codes of household-service that no request of a client can provoke, each with the reason. */
    private static final Map<String, String> NOT_PROVOKED = Map.of(
            "upload-incomplete", "only when an upload breaks off mid-body; the client that broke it never reads an answer",
            "client-id-conflict", "answered per item inside the 200 of POST /households/batch, never as a whole answer "
                    + "(OfflineSyncApiTest provokes it)",
            "cursor-expired", "needs a change-feed cursor issued more than 30 days ago (OfflineSyncApiTest makes one)",
            "not-for-kind", "a field error inside a REJECTED item of POST /households/batch, never a whole answer "
                    + "(CaseStepBatchApiTest provokes it)");

    private static final Map<String, String> PLATFORM_NOT_PROVOKED = Map.of(
            "internal-error", "a failure of the server, never of the client",
            "service-unavailable", "needs a backend down or its circuit open (OutboxResilienceIT stops the broker, not a service)",
            "gateway-timeout", "needs a backend silent for 30 s",
            "too-many-requests", "needs thousands of requests; ApiSecurityIT proves it",
            "date-range", "no request constraint of the services uses @Past or @Future; they answer their own date codes");

    private static Suite suite;
    private static String admin;
    private static Fixture household;
    private static Fixture single;
    private static Fixture failingFood;
    private static Fixture lowIncome;
    private static Fixture failingSeveral;
    private static Fixture registeredIn2018;
    private static Fixture monitored;
    private static Fixture monitoredSince2018;
    private static ImportOutcome importOutcome;
    private static CaseErrorScenarios cases;
    private static VillageExitErrorScenarios villageExits;
    private static MonitoringErrorScenarios monitoring;
    private static PrivacyErrorScenarios privacy;

    /** A registered household: its id, and the ids and ID numbers of its members, head first. */
    private record Fixture(String id, List<String> memberIds, List<String> idNumbers) {
    }

    /** The finished import job, the ID number of its valid household and the households of the village before and after it. */
    private record ImportOutcome(Map<String, Object> job, String validIdNumber, List<String> before, List<String> after) {
    }

    @BeforeAll
    static void registerHouseholdsInEveryState() {
        suite = E2eSuite.get();
        admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "错码镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(admin, VILLAGE, "错码村", "VILLAGE", TOWNSHIP, 800);
        SuiteSliceIT.putRegion(admin, UPLOAD_VILLAGE, "上传村", "VILLAGE", TOWNSHIP, 300);

        household = register(body(2, h -> { }));
        single = register(body(1, h -> { }));
        failingFood = register(body(1, h -> { }));
        assess(failingFood.id(), today(), a -> a.put("food", false));
        lowIncome = register(body(1, h -> { }));
        assess(lowIncome.id(), today(), a -> a.put("annualIncomePerCapita", 1000));
        failingSeveral = register(body(1, h -> { }));
        assess(failingSeveral.id(), today(), a -> {
            a.put("food", false);
            a.put("housingSafetyGrade", "C");
            a.put("annualIncomePerCapita", 1000);
        });
        // Registered before this system and assessed in 2018, a year before the first configured poverty line.
        registeredIn2018 = register(body(1, h -> h.put("registeredOn", "2018-01-01")));
        assess(registeredIn2018.id(), LocalDate.of(2018, 6, 1), a -> { });
        // Marginal households (邊緣戶) under monitoring: what the transitions left to monitoring act on.
        monitored = register(body(1, h -> h.put("initialStatus", "MONITORED")));
        monitoredSince2018 = register(body(1, h -> {
            h.put("initialStatus", "MONITORED");
            h.put("registeredOn", "2018-01-01");
        }));
        cases = new CaseErrorScenarios(suite, COUNTY, TOWNSHIP, VILLAGE);
        villageExits = new VillageExitErrorScenarios(suite, COUNTY, TOWNSHIP);
        monitoring = new MonitoringErrorScenarios(suite, COUNTY, TOWNSHIP);
        privacy = new PrivacyErrorScenarios(suite, COUNTY, TOWNSHIP, OTHER_TOWNSHIP);
    }

    @TestFactory
    Stream<DynamicTest> everyErrorCodeThroughTheGateway() {
        return scenarios().stream().map(ErrorScenario::test);
    }

    @TestFactory
    Stream<DynamicTest> everyRowCodeOfAnImport() {
        return Stream.concat(importRowChecks().entrySet().stream().map(check -> DynamicTest.dynamicTest(
                check.getKey() + ": " + check.getValue().description(), () -> assertThat(importErrors())
                        .as("errors of the import job").contains(check.getValue().expected()))),
                Stream.of(DynamicTest.dynamicTest("the import registers its valid household and none of the rejected ones",
                        RegistryErrorCodesIT::onlyTheValidHouseholdIsImported)));
    }

    @Test
    void everyCodeOfHouseholdServiceHasATestOrAReason() {
        Set<String> tested = new TreeSet<>(scenarios().stream().map(ErrorScenario::code).toList());
        tested.addAll(importRowChecks().keySet());
        Set<String> untested = new TreeSet<>(ProblemCodes.of("household-service"));
        untested.removeAll(tested);
        untested.removeAll(NOT_PROVOKED.keySet());
        assertThat(untested).as("codes of household-service without an end-to-end test").isEmpty();
        assertThat(tested).as("reasons given for codes that are tested after all").doesNotContainAnyElementsOf(NOT_PROVOKED.keySet());
    }

    @Test
    void everyCodeOfThePlatformHasATestOrAReason() {
        Set<String> tested = new TreeSet<>(scenarios().stream().map(ErrorScenario::code).toList());
        Set<String> untested = new TreeSet<>(ProblemCodes.of("problem"));
        untested.removeAll(tested);
        untested.removeAll(PLATFORM_NOT_PROVOKED.keySet());
        assertThat(untested).as("platform codes without an end-to-end test through household-service").isEmpty();
    }

    private static List<ErrorScenario> scenarios() {
        String id = household.id();
        String head = household.memberIds().get(0);
        String child = household.memberIds().get(1);
        String outsider = suite.token("township-officer", OTHER_TOWNSHIP);
        List<ErrorScenario> all = new ArrayList<>(cases.all());
        all.addAll(villageExits.all());
        all.addAll(monitoring.all());
        all.addAll(privacy.all());

        // The gateway's own answers.
        all.add(ErrorScenario.of("unauthenticated", "registering a household without a token")
                .answers(401, "unauthenticated").unchanged(households(VILLAGE))
                .when(() -> given().contentType(ContentType.JSON).body(body(1, h -> { })).post("/api/v1/households")));
        all.add(ErrorScenario.of("payload-too-large", "a registration body of 11 MiB")
                .answers(413, "payload-too-large").unchanged(households(VILLAGE))
                .when(() -> as(admin).contentType(ContentType.JSON).body(new byte[11 * 1024 * 1024]).post("/api/v1/households")));
        String oversizedKey = UUID.randomUUID().toString();
        all.add(ErrorScenario.of("payload-too-large", "a chunked CSV upload that grows past the import's 200 MiB on its way")
                .answers(413, "payload-too-large").unchanged(households(UPLOAD_VILLAGE))
                .when(() -> uploadChunked(oversizedCsv(), oversizedKey))
                .settling(Duration.ofSeconds(2))
                .afterwards(() -> idempotencyKeyIsFree(oversizedKey)));
        all.add(ErrorScenario.of("not-found", "a path under /api that no service owns")
                .answers(404, "not-found").unchanged(households(VILLAGE))
                .when(() -> as(admin).contentType(ContentType.JSON).body(body(1, h -> { })).post("/api/v1/householdz")));

        // The platform's answers, as household-service gives them.
        all.add(ErrorScenario.of("validation-failed", "a household without address and with an 11-digit village code")
                .answers(400, "validation-failed").field("address", "required").field("villageCode", "format")
                .unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> {
                    h.remove("address");
                    h.put("villageCode", "50023512020");
                }))));
        all.add(ErrorScenario.of("required", "a household without category")
                .answers(400, "validation-failed").field("category", "required").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.remove("category")))));
        all.add(ErrorScenario.of("length", "an address of 201 characters")
                .answers(400, "validation-failed").field("address", "length").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("address", "村".repeat(201))))));
        all.add(ErrorScenario.of("format", "a village code of 11 digits")
                .answers(400, "validation-failed").field("villageCode", "format").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("villageCode", "50023512020")))));
        all.add(ErrorScenario.of("range", "a negative income")
                .answers(400, "validation-failed").field("annualIncomePerCapita", "range").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("annualIncomePerCapita", -1)))));
        all.add(ErrorScenario.of("precision", "an income with three decimals")
                .answers(400, "validation-failed").field("annualIncomePerCapita", "precision").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("annualIncomePerCapita", 2500.125)))));
        all.add(ErrorScenario.of("unknown-field", "a registration with a field 'nickname'")
                .answers(400, "unknown-field").field("nickname", "unknown-field").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("nickname", "老王")))));
        all.add(ErrorScenario.of("invalid-value", "the category RICH")
                .answers(400, "invalid-value").field("category", "invalid-value").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("category", "RICH")))));
        all.add(ErrorScenario.of("duplicate-key", "a household whose address is given twice")
                .answers(400, "duplicate-key").field("address", "duplicate-key").unchanged(households(VILLAGE))
                .when(() -> as(admin).contentType(ContentType.JSON)
                        .body("{\"address\": \"一组\", \"address\": \"二组\", \"villageCode\": \"" + VILLAGE + "\"}")
                        .post("/api/v1/households")));
        all.add(ErrorScenario.of("malformed-json", "a body that is not JSON")
                .answers(400, "malformed-json").unchanged(households(VILLAGE))
                .when(() -> as(admin).contentType(ContentType.JSON).body("{\"villageCode\" \"500235120201\"}").post("/api/v1/households")));
        all.add(ErrorScenario.of("invalid-parameter", "listing households of status RICH")
                .answers(400, "invalid-parameter").field("status", "invalid-value").unchanged(households(VILLAGE))
                .when(() -> as(admin).queryParam("status", "RICH").get("/api/v1/households")));
        all.add(ErrorScenario.of("invalid-parameter", "a page size that is not a number")
                .answers(400, "invalid-parameter").field("limit", "type").unchanged(households(VILLAGE))
                .when(() -> as(admin).queryParam("limit", "abc").get("/api/v1/households")));
        all.add(ErrorScenario.of("invalid-cursor", "a cursor the list never issued")
                .answers(400, "invalid-cursor").unchanged(households(VILLAGE))
                .when(() -> as(admin).queryParam("cursor", "not-a-cursor").get("/api/v1/households")));
        all.add(ErrorScenario.of("precondition-required", "a patch without If-Match")
                .answers(428, "precondition-required").unchanged(household(id))
                .when(() -> patch("/api/v1/households/" + id, null, Map.of("address", "New address 1"))));
        all.add(ErrorScenario.of("precondition-failed", "a patch with a stale ETag")
                .answers(412, "precondition-failed").unchanged(household(id))
                .when(() -> patch("/api/v1/households/" + id, "\"999\"", Map.of("address", "New address 2"))));
        String reusedKey = UUID.randomUUID().toString();
        all.add(ErrorScenario.of("idempotency-key-reused", "a second registration under the first one's Idempotency-Key")
                .given(() -> as(admin).header("Idempotency-Key", reusedKey).contentType(ContentType.JSON).body(body(1, h -> { }))
                        .post("/api/v1/households").then().statusCode(201))
                .answers(422, "idempotency-key-reused").unchanged(households(VILLAGE))
                .when(() -> as(admin).header("Idempotency-Key", reusedKey).contentType(ContentType.JSON).body(body(1, h -> { }))
                        .post("/api/v1/households")));
        all.add(ErrorScenario.of("not-found", "an assessment by an officer of another township")
                .answers(404, "not-found").unchanged(household(id), assessments(id))
                .when(() -> as(outsider).contentType(ContentType.JSON).body(assessment(today(), a -> { }))
                        .post("/api/v1/households/" + id + "/assessments")));
        all.add(ErrorScenario.of("forbidden", "an integrator registering a household")
                .answers(403, "forbidden").unchanged(households(VILLAGE))
                .when(() -> as(suite.token("integrator", COUNTY)).contentType(ContentType.JSON).body(body(1, h -> { }))
                        .post("/api/v1/households")));
        all.add(ErrorScenario.of("unsupported-media-type", "a registration sent as text/plain")
                .answers(415, "unsupported-media-type").unchanged(households(VILLAGE))
                .when(() -> as(admin).contentType("text/plain; charset=UTF-8").body("villageCode=" + VILLAGE)
                        .post("/api/v1/households")));
        all.add(ErrorScenario.of("invalid-path", "a member patch to member %2e%2e, which the HTTP layer would turn into a household patch")
                .answers(400, "invalid-path").unchanged(household(id))
                .when(() -> as(admin).urlEncodingEnabled(false).header("If-Match", etag(id))
                        .contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("address", "Dot segment road"))
                        .patch("/api/v1/households/" + id + "/members/%2e%2e")));
        all.add(ErrorScenario.of("unsupported-media-type", "a household patch without any Content-Type")
                .answers(415, "unsupported-media-type").unchanged(household(id))
                .when(() -> patchWithoutContentType(id, "{\"address\":\"No media type road\"}")));
        all.add(ErrorScenario.of("malformed-json", "a household patch with more after its JSON object")
                .answers(400, "malformed-json").unchanged(household(id))
                .when(() -> as(admin).header("If-Match", etag(id)).contentType("application/merge-patch+json; charset=UTF-8")
                        .body("{\"address\":\"Trailing road\"}}garbage").patch("/api/v1/households/" + id)));
        all.add(ErrorScenario.of("method-not-allowed", "DELETE of a household")
                .answers(405, "method-not-allowed").unchanged(household(id), households(VILLAGE))
                .when(() -> as(admin).delete("/api/v1/households/" + id)));
        all.add(ErrorScenario.of("not-acceptable", "a household asked for as XML")
                .answers(406, "not-acceptable").unchanged(household(id))
                .when(() -> as(admin).accept("application/xml").get("/api/v1/households/" + id)));

        // Regions.
        all.add(ErrorScenario.of("invalid-region-code", "a region code of 7 digits")
                .answers(400, "validation-failed").field("code", "invalid-region-code").unchanged(region("5002351"))
                .when(() -> putRegion("5002351", null, region("COUNTY", null, false))));
        all.add(ErrorScenario.of("region-level-mismatch", "a 9-digit code defined as a village")
                .answers(400, "validation-failed").field("level", "region-level-mismatch").unchanged(region("500235129"))
                .when(() -> putRegion("500235129", null, region("VILLAGE", COUNTY, false))));
        all.add(ErrorScenario.of("invalid-parent-region", "redefining a township under another county")
                .answers(400, "validation-failed").field("parentCode", "invalid-parent-region").unchanged(region(TOWNSHIP))
                .when(() -> putRegion(TOWNSHIP, regionEtag(TOWNSHIP), region("TOWNSHIP", "510000", false))));
        all.add(ErrorScenario.of("poor-village-not-village", "redefining a township as a poor village")
                .answers(400, "validation-failed").field("poorVillage", "poor-village-not-village").unchanged(region(TOWNSHIP))
                .when(() -> putRegion(TOWNSHIP, regionEtag(TOWNSHIP), region("TOWNSHIP", COUNTY, true))));
        all.add(ErrorScenario.of("unknown-parent-region", "a village of a township never defined")
                .answers(422, "unknown-parent-region").unchanged(region("500235199201"))
                .when(() -> putRegion("500235199201", null, region("VILLAGE", "500235199", false))));

        // Registration.
        all.add(ErrorScenario.of("unknown-village", "a household in a village never defined")
                .answers(422, "unknown-village").field("villageCode", "unknown-village").unchanged(households(UNDEFINED_VILLAGE))
                .when(() -> registration(body(1, h -> h.put("villageCode", UNDEFINED_VILLAGE)))));
        all.add(ErrorScenario.of("duplicate-id-number", "a head whose ID number is another household's head's")
                .answers(409, "duplicate-id-number").field("members[0].idNumber", "duplicate-id-number")
                .unchanged(households(VILLAGE), household(id))
                .when(() -> registration(body(1, h -> member(h, 0).put("idNumber", household.idNumbers().get(0))))));
        all.add(ErrorScenario.of("phone-format", "the phone number 12345")
                .answers(400, "validation-failed").field("phone", "phone-format").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("phone", "12345")))));
        all.add(ErrorScenario.of("primary-cause-not-in-causes", "primary cause DISABILITY among the causes [ILLNESS]")
                .answers(400, "validation-failed").field("primaryCause", "primary-cause-not-in-causes").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("primaryCause", "DISABILITY")))));
        all.add(ErrorScenario.of("identified-year-range", "identified in 2013, before 建檔立卡 began")
                .answers(400, "validation-failed").field("identifiedYear", "identified-year-range").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("identifiedYear", 2013)))));
        all.add(ErrorScenario.of("duplicate-cause", "ILLNESS listed twice")
                .answers(400, "validation-failed").field("causes", "duplicate-cause").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("causes", List.of("ILLNESS", "ILLNESS"))))));
        all.add(ErrorScenario.of("confirmation-per-household", "a registration whose member brings a duplicate confirmation of its own")
                .answers(400, "validation-failed").field("members[0].duplicateConfirmation", "confirmation-per-household")
                .unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> member(h, 0).put("duplicateConfirmation", "两人出生地不同，不是同一人")))));
        all.add(ErrorScenario.of("exclusive-parameters", "the access log of a household and of a member at once")
                .answers(400, "invalid-parameter").field("member", "exclusive-parameters").unchanged(households(VILLAGE))
                .when(() -> as(admin).queryParam("household", UUID.randomUUID().toString())
                        .queryParam("member", UUID.randomUUID().toString()).get("/api/v1/access-log")));
        all.add(ErrorScenario.of("batch-too-large", "an offline batch of 501 items")
                .answers(413, "batch-too-large").unchanged(households(VILLAGE))
                .when(() -> as(admin).contentType(ContentType.JSON)
                        .body(Map.of("items", java.util.Collections.nCopies(501, Map.of("kind", "ASSESSMENT"))))
                        .post("/api/v1/households/batch")));
        all.add(ErrorScenario.of("period-reversed", "the access log from February to January")
                .answers(400, "invalid-parameter").field("to", "period-reversed").unchanged(households(VILLAGE))
                .when(() -> as(admin).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/access-log")));
        all.add(ErrorScenario.of("head-count", "two heads")
                .answers(400, "validation-failed").field("members", "head-count").unchanged(households(VILLAGE))
                .when(() -> registration(body(2, h -> member(h, 1).put("relation", "HEAD")))));
        all.add(ErrorScenario.of("duplicate-in-request", "two members with one ID number")
                .answers(400, "validation-failed").field("members[1].idNumber", "duplicate-in-request").unchanged(households(VILLAGE))
                .when(() -> registration(body(2, h -> member(h, 1).put("idNumber", member(h, 0).get("idNumber"))))));
        all.add(ErrorScenario.of("name-format", "a name with a digit")
                .answers(400, "validation-failed").field("members[0].name", "name-format").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> member(h, 0).put("name", "王2")))));
        all.add(ErrorScenario.of("id-number-format", "an ID number of 17 characters")
                .answers(400, "validation-failed").field("members[0].idNumber", "id-number-format").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> member(h, 0).put("idNumber", "50023519800101123")))));
        all.add(ErrorScenario.of("id-number-check-digit", "an ID number with a wrong check character")
                .answers(400, "validation-failed").field("members[0].idNumber", "id-number-check-digit").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> member(h, 0).put("idNumber", withWrongCheckCharacter(Households.idNumber()))))));
        all.add(ErrorScenario.of("id-number-birth-date", "an ID number born on the 32nd of December")
                .answers(400, "validation-failed").field("members[0].idNumber", "id-number-birth-date").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> member(h, 0).put("idNumber", withCheckCharacter("50023519801232123"))))));
        all.add(ErrorScenario.of("registered-on-range", "registered ten days from now")
                .answers(400, "validation-failed").field("registeredOn", "registered-on-range").unchanged(households(VILLAGE))
                .when(() -> registration(body(1, h -> h.put("registeredOn", today().plusDays(10).toString())))));

        // Members.
        all.add(ErrorScenario.of("last-member", "removing the only member")
                .answers(422, "last-member").unchanged(household(single.id()))
                .when(() -> as(admin).queryParam("reason", "DECEASED")
                        .delete("/api/v1/households/" + single.id() + "/members/" + single.memberIds().get(0))));
        all.add(ErrorScenario.of("head-removal", "removing the head while a child remains")
                .answers(422, "head-removal").unchanged(household(id))
                .when(() -> as(admin).queryParam("reason", "DECEASED").delete("/api/v1/households/" + id + "/members/" + head)));
        all.add(ErrorScenario.of("invalid-member-removal-reason", "removing a member for the reason ABDUCTED")
                .answers(400, "validation-failed").field("reason", "invalid-member-removal-reason").unchanged(household(id))
                .when(() -> as(admin).queryParam("reason", "ABDUCTED").delete("/api/v1/households/" + id + "/members/" + child)));

        // Assessments and transitions.
        all.add(ErrorScenario.of("assessed-on-range", "an assessment dated 2013")
                .answers(400, "validation-failed").field("assessedOn", "assessed-on-range").unchanged(household(id), assessments(id))
                .when(() -> as(admin).contentType(ContentType.JSON).body(assessment(LocalDate.of(2013, 12, 31), a -> { }))
                        .post("/api/v1/households/" + id + "/assessments")));
        all.add(ErrorScenario.of("effective-date-in-future", "a marginal household's risk cleared two days ahead")
                .answers(400, "validation-failed").field("effectiveDate", "effective-date-in-future").unchanged(household(monitored.id()))
                .when(() -> transition(monitored.id(), "CLEAR_RISK", today().plusDays(2), t -> { })));
        all.add(ErrorScenario.of("effective-date-out-of-order", "a risk cleared the day before the household was registered")
                .answers(422, "effective-date-out-of-order").field("effectiveDate", "effective-date-out-of-order")
                .unchanged(household(monitoredSince2018.id()))
                .when(() -> transition(monitoredSince2018.id(), "CLEAR_RISK", LocalDate.of(2017, 12, 31), t -> { })));
        all.add(ErrorScenario.of("not-applicable", "a riskType on CLEAR_RISK")
                .answers(400, "validation-failed").field("riskType", "not-applicable").unchanged(household(monitored.id()))
                .when(() -> transition(monitored.id(), "CLEAR_RISK", today(), t -> t.put("riskType", "MARGINAL"))));
        all.add(ErrorScenario.of("illegal-transition", "CLEAR_RISK of a POOR household")
                .answers(409, "illegal-transition").unchanged(household(id))
                .when(() -> transition(id, "CLEAR_RISK", today(), t -> { })));
        all.add(ErrorScenario.of("decided-by-case", "CONFIRM_EXIT sent as a transition instead of an EXIT case")
                .answers(422, "decided-by-case").unchanged(household(id))
                .when(() -> transition(id, "CONFIRM_EXIT", today(), t -> { })));
        // Exit criteria, answered to the proposal of an EXIT case.
        all.add(ErrorScenario.of("exit-criteria-not-met", "an exit proposed failing food, housing and income at once")
                .answers(422, "exit-criteria-not-met").field("FOOD", "guarantee-not-met").field("HOUSING", "guarantee-not-met")
                .field("INCOME", "income-below-poverty-line").unchanged(household(failingSeveral.id()), casesOf(failingSeveral.id()))
                .when(() -> proposeExit(failingSeveral.id(), today())));
        all.add(ErrorScenario.of("no-recent-assessment", "an exit proposed for a household never assessed")
                .answers(422, "exit-criteria-not-met").field("assessment", "no-recent-assessment").unchanged(household(id), casesOf(id))
                .when(() -> proposeExit(id, today())));
        all.add(ErrorScenario.of("guarantee-not-met", "an exit proposed after an assessment without enough food")
                .answers(422, "exit-criteria-not-met").field("FOOD", "guarantee-not-met").unchanged(household(failingFood.id()))
                .when(() -> proposeExit(failingFood.id(), today())));
        all.add(ErrorScenario.of("income-below-poverty-line", "an exit proposed with an income of 1000 CNY")
                .answers(422, "exit-criteria-not-met").field("INCOME", "income-below-poverty-line").unchanged(household(lowIncome.id()))
                .when(() -> proposeExit(lowIncome.id(), today())));
        all.add(ErrorScenario.of("no-poverty-line", "an exit proposed in 2018, before the first configured line")
                .answers(422, "exit-criteria-not-met").field("INCOME", "no-poverty-line").unchanged(household(registeredIn2018.id()))
                .when(() -> proposeExit(registeredIn2018.id(), LocalDate.of(2018, 7, 1))));

        // Imports: what is refused before a job exists.
        all.add(ErrorScenario.of("invalid-csv-header", "a header row without phone and with a column nickname")
                .answers(400, "invalid-csv-header").field("phone", "missing-column").field("nickname", "unknown-column")
                .unchanged(households(VILLAGE))
                .when(() -> upload(CSV_HEADER.replace(",phone", "") + ",nickname\n")));
        all.add(ErrorScenario.of("missing-column", "a header row without education")
                .answers(400, "invalid-csv-header").field("education", "missing-column").unchanged(households(VILLAGE))
                .when(() -> upload(CSV_HEADER.replace(",education", "") + "\n")));
        all.add(ErrorScenario.of("unknown-column", "a header row with a column nickname")
                .answers(400, "invalid-csv-header").field("nickname", "unknown-column").unchanged(households(VILLAGE))
                .when(() -> upload(CSV_HEADER + ",nickname\n")));
        all.add(ErrorScenario.of("repeated-column", "a header row naming name twice")
                .answers(400, "invalid-csv-header").field("name", "repeated-column").unchanged(households(VILLAGE))
                .when(() -> upload(CSV_HEADER + ",name\n")));
        all.add(ErrorScenario.of("invalid-csv", "a quote opened and never closed")
                .answers(400, "invalid-csv").unchanged(households(VILLAGE))
                .when(() -> upload(CSV_HEADER + "\n" + csvRow("Q", VILLAGE, "\"桂林村一组", Households.idNumber()) + "\n")));
        return all;
    }

    /** One expected entry of the job's errors, and how the file provokes it. */
    private record RowCheck(String description, String expected) {
    }

    private static Map<String, RowCheck> importRowChecks() {
        Map<String, RowCheck> checks = new LinkedHashMap<>();
        checks.put("column-count", new RowCheck("row 3 has five fields", "3 null column-count"));
        checks.put("inconsistent-household", new RowCheck("row 5 gives its household another address", "5 address inconsistent-household"));
        checks.put("duplicate-in-file", new RowCheck("row 7 repeats row 2's ID number", "7 idNumber duplicate-in-file"));
        checks.put("household-rows-not-together", new RowCheck("row 8 returns to the household of row 6",
                "8 householdRef household-rows-not-together"));
        checks.put("duplicate-id-number", new RowCheck("row 9 names a member registered through the API",
                "9 idNumber duplicate-id-number"));
        checks.put("unknown-village", new RowCheck("row 10 is in a village never defined", "10 villageCode unknown-village"));
        checks.put("invalid-value", new RowCheck("row 11 has the category RICH", "11 category invalid-value"));
        checks.put("registered-on-range", new RowCheck("row 12 was registered ten days from now",
                "12 registeredOn registered-on-range"));
        return checks;
    }

    /** The file behind {@link #importRowChecks()}: one valid household (row 2), then one fault per household. */
    private static String importFile(String validIdNumber) {
        String later = today().plusDays(10).toString();
        return String.join("\n",
                CSV_HEADER,
                csvRow("A", VILLAGE, "桂林村一组", validIdNumber),
                "B," + VILLAGE + ",桂林村一组,13900139000,GENERAL",
                csvRow("C", VILLAGE, "桂林村一组", Households.idNumber()),
                csvRow("C", VILLAGE, "桂林村二组", Households.idNumber()).replace(",HEAD,", ",CHILD,"),
                csvRow("D", VILLAGE, "桂林村一组", Households.idNumber()),
                csvRow("F", VILLAGE, "桂林村一组", validIdNumber),
                csvRow("D", VILLAGE, "桂林村一组", Households.idNumber()).replace(",HEAD,", ",CHILD,"),
                csvRow("G", VILLAGE, "桂林村一组", household.idNumbers().get(0)),
                csvRow("I", UNDEFINED_VILLAGE, "桂林村一组", Households.idNumber()),
                csvRow("J", VILLAGE, "桂林村一组", Households.idNumber()).replace(",GENERAL,", ",RICH,"),
                csvRow("K", VILLAGE, "桂林村一组", Households.idNumber()).replace(",POOR,,", ",POOR," + later + ","))
                + "\n";
    }

    private static synchronized ImportOutcome importOutcome() {
        if (importOutcome == null) {
            List<String> before = householdIds(VILLAGE);
            String validIdNumber = Households.idNumber();
            Response accepted = upload(importFile(validIdNumber));
            assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
            String jobId = accepted.jsonPath().getString("jobId");
            Map<String, Object> job = new HashMap<>();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                job.clear();
                job.putAll(as(admin).get("/api/v1/household-imports/" + jobId).then().statusCode(200).extract().jsonPath().getMap(""));
                return !List.of("QUEUED", "RUNNING").contains(job.get("status"));
            });
            importOutcome = new ImportOutcome(job, validIdNumber, before, householdIds(VILLAGE));
        }
        return importOutcome;
    }

    @SuppressWarnings("unchecked")
    private static List<String> importErrors() {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) importOutcome().job().get("errors");
        return errors.stream().map(e -> e.get("row") + " " + e.get("field") + " " + e.get("code")).toList();
    }

    private static void onlyTheValidHouseholdIsImported() {
        ImportOutcome outcome = importOutcome();
        assertThat(outcome.job()).containsEntry("status", "COMPLETED").containsEntry("succeeded", 1);
        List<String> added = new ArrayList<>(outcome.after());
        added.removeAll(outcome.before());
        assertThat(added).as("households added to the village by the import").hasSize(1);
        given().auth().oauth2(admin).get("/api/v1/households/" + added.get(0))
                .then().statusCode(200)
                .body("members[0].idNumber", equalTo(outcome.validIdNumber()));
    }

    /**
     * Three valid households in {@link #UPLOAD_VILLAGE}, then a household whose address alone passes
     * 10 MiB: if the service got the file cut at the limit, the cut falls in that address, and the
     * three households ahead of it would be registered.
     */
    /** Three good rows, then one whose address runs past the gateway's 200 MiB for an import; made as it is read. */
    private static java.util.function.Supplier<java.io.InputStream> oversizedCsv() {
        StringBuilder head = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 1; i <= 3; i++) {
            head.append(csvRow("U" + i, UPLOAD_VILLAGE, "上传村一组", Households.idNumber())).append('\n');
        }
        String last = csvRow("Z", UPLOAD_VILLAGE, "@", Households.idNumber()) + "\n";
        byte[] start = (head + last.substring(0, last.indexOf('@'))).getBytes(StandardCharsets.UTF_8);
        byte[] end = last.substring(last.indexOf('@') + 1).getBytes(StandardCharsets.UTF_8);
        long filler = 200L * 1024 * 1024 + 64 * 1024;
        return () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(start), new Filler(filler), new ByteArrayInputStream(end))));
    }

    /** So many 'x' bytes, without holding them. */
    private static final class Filler extends java.io.InputStream {

        private long left;

        Filler(long bytes) {
            left = bytes;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            left -= n;
            return n;
        }
    }

    /** Sent chunked (no Content-Length), so that the gateway only finds out on the way that the body is too large. */
    private static Response uploadChunked(java.util.function.Supplier<java.io.InputStream> csv, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/household-imports"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofInputStream(csv))
                .build();
        return sendRaw(request);
    }

    /** A household patch exactly as given: java.net.http adds no Content-Type of its own, RestAssured would. */
    private static Response patchWithoutContentType(String householdId, String body) {
        return sendRaw(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/households/" + householdId))
                .header("Authorization", "Bearer " + admin)
                .header("If-Match", etag(householdId))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static Response sendRaw(HttpRequest request) {
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new ResponseBuilder()
                .setStatusCode(answer.statusCode())
                .setContentType(answer.headers().firstValue("Content-Type").orElse(""))
                .setBody(answer.body())
                .build();
    }

    /**
     * A job queued for a refused upload cannot be listed, but its Idempotency-Key shows it: the key
     * with another (empty) file must start a new job, not answer idempotency-key-reused.
     */
    private static void idempotencyKeyIsFree(String key) {
        Response sameKey = as(admin).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8")
                .body((CSV_HEADER + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/household-imports");
        assertThat(sameKey.statusCode()).as("the Idempotency-Key of the refused upload: %s", sameKey.asString()).isEqualTo(202);
        assertThat(sameKey.header("Idempotent-Replayed")).as("a job stored under the refused upload's key").isNull();
    }

    private static String csvRow(String ref, String village, String address, String idNumber) {
        return String.join(",", ref, village, address, "13900139000", "GENERAL", "ILLNESS", "ILLNESS", "2016", "2500", "POOR", "",
                "王建国", idNumber, "HEAD", "HEALTHY", "", "false", "GRADUATED", "FULL", "true", "false");
    }

    private static Response upload(String csv) {
        return as(admin).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports");
    }

    private static View households(String village) {
        return () -> as(admin).queryParam("region", village).queryParam("limit", 500).get("/api/v1/households").asString();
    }

    private static List<String> householdIds(String village) {
        return as(admin).queryParam("region", village).queryParam("limit", 500).get("/api/v1/households")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    /** The household with its ETag, and its history. */
    private static View household(String id) {
        return () -> {
            return ErrorScenario.seen(as(admin).get("/api/v1/households/" + id))
                    + ErrorScenario.seen(as(admin).queryParam("limit", 500).get("/api/v1/households/" + id + "/history"));
        };
    }

    private static View assessments(String id) {
        return () -> as(admin).get("/api/v1/households/" + id + "/assessments").asString();
    }

    private static View region(String code) {
        return () -> ErrorScenario.seen(as(admin).get("/api/v1/regions/" + code));
    }

    private static View children(String parent) {
        return () -> as(admin).queryParam("parent", parent).get("/api/v1/regions").asString();
    }

    private static Fixture register(Map<String, Object> body) {
        Response response = registration(body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new Fixture(response.jsonPath().getString("id"), response.jsonPath().getList("members.id"),
                response.jsonPath().getList("members.idNumber"));
    }

    private static Response registration(Map<String, Object> body) {
        return as(admin).contentType(ContentType.JSON).body(body).post("/api/v1/households");
    }

    private static Map<String, Object> body(int members, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Households.household(VILLAGE, members);
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> household, int index) {
        return ((List<Map<String, Object>>) household.get("members")).get(index);
    }

    private static Map<String, Object> assessment(LocalDate on, Consumer<Map<String, Object>> change) {
        Map<String, Object> assessment = new HashMap<>(Map.of("assessedOn", on.toString(), "food", true, "clothing", true,
                "compulsoryEducation", true, "basicMedical", true, "housingSafetyGrade", "A", "drinkingWater", true,
                "annualIncomePerCapita", 5000));
        change.accept(assessment);
        return assessment;
    }

    private static void assess(String id, LocalDate on, Consumer<Map<String, Object>> change) {
        as(admin).contentType(ContentType.JSON).body(assessment(on, change)).post("/api/v1/households/" + id + "/assessments")
                .then().statusCode(201);
    }

    private static Response transition(String id, String action, LocalDate effectiveDate, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action, "effectiveDate", effectiveDate.toString()));
        change.accept(body);
        return as(admin).header("If-Match", etag(id)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/households/" + id + "/transitions");
    }

    private static Response proposeExit(String id, LocalDate on) {
        return as(suite.token("village-cadre", VILLAGE)).contentType(ContentType.JSON)
                .body(Map.of("householdId", id, "kind", "EXIT", "proposedOn", on.toString(), "reason", "错码：拟退出"))
                .post("/api/v1/cases");
    }

    private static View casesOf(String id) {
        return () -> ErrorScenario.seen(as(admin).queryParam("householdId", id).get("/api/v1/cases"));
    }

    private static Response patch(String path, String ifMatch, Map<String, Object> body) {
        RequestSpecification request = as(admin).contentType("application/merge-patch+json; charset=UTF-8").body(body);
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).patch(path);
    }

    private static Map<String, Object> region(String level, String parent, boolean poorVillage) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "错码");
        body.put("level", level);
        body.put("parentCode", parent);
        body.put("ruralPopulation", 100);
        body.put("poorVillage", poorVillage);
        body.put("deepPoverty", false);
        return body;
    }

    private static Response putRegion(String code, String ifMatch, Map<String, Object> body) {
        RequestSpecification request = as(admin).contentType(ContentType.JSON).body(body);
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).put("/api/v1/regions/" + code);
    }

    private static String etag(String householdId) {
        return as(admin).get("/api/v1/households/" + householdId).then().statusCode(200).extract().header("ETag");
    }

    private static String regionEtag(String code) {
        return as(admin).get("/api/v1/regions/" + code).then().statusCode(200).extract().header("ETag");
    }

    private static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static String withWrongCheckCharacter(String idNumber) {
        char right = idNumber.charAt(17);
        return idNumber.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_ZONE);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
