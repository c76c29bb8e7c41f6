package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Region scope on every operation: each operation of the gateway's merged OpenAPI document is called
 * with the token of another county's admin (the most a caller of another region can hold), aimed at
 * records of this county, and must refuse (403/404), or answer a body reference as it answers an
 * unknown one, or list nothing of this county; afterwards every record of this county is as it was.
 * An operation the table below does not know fails the test, so that one added later cannot forget.
 */
class RegionScopeWalkIT {

    private static final String COUNTY = "500251";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final String SECOND_TOWNSHIP = COUNTY + "102";
    private static final String SECOND_VILLAGE = SECOND_TOWNSHIP + "201";
    private static final String OTHER_COUNTY = "500252";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CSV = "text/csv; charset=UTF-8";

    /** What an operation called from another region must answer. */
    private enum Outcome {
        /** 403 or 404, nothing more said. */
        REFUSED,
        /** The record the body names is answered like one that does not exist: 422 unknown-... */
        UNKNOWN_REFERENCE,
        /** 200, and nothing of this county in the list. */
        NOTHING_LISTED,
        /** 200 with one refusal per item (a batch is answered item by item): unknown-... */
        EACH_ITEM_UNKNOWN,
        /** 200 with one refusal per item, each not-found: the record an item names is one the caller cannot see. */
        EACH_ITEM_NOT_FOUND,
        /** 202: the job is the caller's own; every row is refused as naming an unknown village. */
        EVERY_ROW_REFUSED,
        /**
         * 200 or 201: a department's signal is kept, but matched only within the caller's region, so this county's
         * person is the caller's unknown person and this county cannot read the signal.
         */
        RECEIVED_AS_UNKNOWN,
        /** 201: what the operation writes is the caller's own county's (a warning rule version), never this county's. */
        CALLERS_OWN_COUNTY
    }

    /** How to call one operation: its path with the parameters filled in, query, headers, body. */
    private record Call(Outcome outcome, String path, Map<String, Object> query, Map<String, String> headers, String contentType,
            Object body) {

        static Call of(Outcome outcome, String path) {
            return new Call(outcome, path, Map.of(), Map.of(), null, null);
        }

        Call query(String name, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(query);
            more.put(name, value);
            return new Call(outcome, path, more, headers, contentType, body);
        }

        Call header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(outcome, path, query, more, contentType, body);
        }

        Call body(String mediaType, Object content) {
            return new Call(outcome, path, query, headers, mediaType, content);
        }

        Call json(Object content) {
            return body(ContentType.JSON.toString(), content);
        }

        Response send(String method, String token) {
            RequestSpecification request = given().auth().oauth2(token).queryParams(query).headers(headers);
            if (body != null) {
                request = request.contentType(contentType).body(body);
            }
            return request.request(method, path);
        }
    }

    private static Suite suite;
    private static String admin;
    private static String other;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static Map<String, String> before;
    private static String accessLogEntry;

    @BeforeAll
    static void aCountyWithOneOfEverything() {
        suite = E2eSuite.get();
        admin = suite.token("county-admin", COUNTY);
        other = suite.token("county-admin", OTHER_COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "范围县", "COUNTY", null, 5000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "范围镇", "TOWNSHIP", COUNTY, 3000);
        SuiteSliceIT.putRegion(admin, VILLAGE, "范围村", "VILLAGE", TOWNSHIP, 1500);
        SuiteSliceIT.putRegion(admin, SECOND_TOWNSHIP, "边界镇", "TOWNSHIP", COUNTY, 2000);
        SuiteSliceIT.putRegion(admin, SECOND_VILLAGE, "边界村", "VILLAGE", SECOND_TOWNSHIP, 1000);
        SuiteSliceIT.putRegion(other, OTHER_COUNTY, "邻县", "COUNTY", null, 5000);
        // A webhook subscription of this county, made before the household so that its registration is delivered.
        Assumptions.assumeTrue(WebhookReceiver.externalAddress().isPresent(),
                "this machine has no interface but loopback, and the walk's webhook subscription needs a receiver");
        ids.put("subscription", post("/api/v1/webhooks/subscriptions", Map.of("url", WebhookReceiver.get().url("/ok/walk"),
                "eventTypes", List.of("household.registered"), "region", COUNTY)).then().statusCode(201).extract().path("subscription.id"));

        Response household = as(admin).contentType(ContentType.JSON).body(Households.household(VILLAGE, 2)).post("/api/v1/households");
        ids.put("household", created(household));
        ids.put("householdNo", household.path("householdNo"));
        ids.put("member", household.path("members[1].id"));
        created(as(admin).contentType(ContentType.JSON).body(assessment()).post("/api/v1/households/" + ids.get("household") + "/assessments"));
        ids.put("case", created(as(suite.token("village-cadre", VILLAGE)).contentType(ContentType.JSON).body(Map.of("householdId",
                ids.get("household"), "kind", "REMOVE", "proposedOn", today().toString(), "reason", "户口迁出")).post("/api/v1/cases")));
        ids.put("villageExit", created(as(suite.token("township-officer", SECOND_TOWNSHIP)).contentType(ContentType.JSON)
                .body(Map.of("villageCode", SECOND_VILLAGE, "proposedOn", today().toString(), "reason", "发生率低于3%"))
                .post("/api/v1/village-exits")));
        ids.put("group", created(post("/api/v1/assistance-groups", Map.of("name", "范围帮扶集团"))));
        ids.put("unit", created(post("/api/v1/units", Map.of("name", "范围县农业局", "type", "DEPARTMENT", "groupId", ids.get("group")))));
        ids.put("helper", created(post("/api/v1/helpers", Map.of("name", "范帮扶", "phone", "13900001111", "unitId", ids.get("unit"),
                "kind", "CADRE"))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> post("/api/v1/pairings",
                Map.of("kind", "HELPER_HOUSEHOLD", "helperId", ids.get("helper"), "householdId", ids.get("household")))
                .then().extract().statusCode() == 201);
        ids.put("pairing", as(admin).queryParam("householdId", ids.get("household")).get("/api/v1/pairings").path("items[0].id"));
        as(admin).contentType(ContentType.JSON).body(Map.of("subject", "e2e-walk-helper")).put("/api/v1/helpers/" + ids.get("helper")
                + "/account").then().statusCode(200);
        ids.put("workTeam", created(post("/api/v1/work-teams", Map.of("villageCode", VILLAGE, "leaderId", ids.get("helper")))));
        ids.put("warZone", created(post("/api/v1/war-zones", Map.of("name", "范围战区", "leaderId", ids.get("helper"),
                "townshipCodes", List.of(TOWNSHIP, SECOND_TOWNSHIP)))));
        ids.put("measure", created(post("/api/v1/measures", measure(ids.get("household")))));
        Map<String, Object> visit = visit();
        created(post("/api/v1/visits", visit));
        ids.put("visit", (String) visit.get("id"));
        ids.put("import", as(admin).contentType(CSV).body(importFile(SECOND_VILLAGE)).post("/api/v1/household-imports")
                .then().statusCode(202).extract().path("jobId"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(as(admin).get("/api/v1/household-imports/" + ids.get("import")).path("status"))
                        && Integer.valueOf(2).equals(as(admin).queryParam("region", COUNTY).get("/api/v1/reports/overview")
                                .path("households.total")));
        // The other county is known to assistance-service too, so that a refusal below is about this county, not that one.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> as(other).contentType(ContentType.JSON)
                .body(Map.of("name", "邻县帮扶集团")).post("/api/v1/assistance-groups").statusCode() == 201);
        aMonitoredHouseholdWithAnAlertAndAClearance();
        aPairOfPossibleDuplicatesAScanAndAnAccessLogEntry();
        before = snapshot();
    }

    @Test
    void everyOperationKeepsAnotherRegionsCallerOut() {
        Map<String, Call> calls = calls();
        List<OpenApiDocument.Operation> operations = OpenApiDocument.parse(given().get("/openapi").asString()).operations();
        Set<String> unknown = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (OpenApiDocument.Operation operation : operations) {
            Call call = calls.get(operation.key());
            if (call == null) {
                unknown.add(operation.key());
                continue;
            }
            check(operation, call, call.send(operation.method(), other), failures);
            if (operation.isSafe() && operation.in("path").isEmpty()) {
                // The list again as CSV, where it has that form (406 where not): the same refusal, or a file without this county.
                Response csv = call.header("Accept", "text/csv").send(operation.method(), other);
                if (csv.statusCode() != 406) {
                    check(operation, call, csv, failures);
                }
            }
        }
        assertThat(unknown).as("operations of the document this walk does not know: add them to calls()").isEmpty();
        assertThat(failures).as("operations that let another region's caller in").isEmpty();
        assertThat(calls.keySet()).as("calls of operations the document no longer has")
                .isSubsetOf(operations.stream().map(OpenApiDocument.Operation::key).toList());
        assertThat(snapshot()).as("this county's records after the walk").isEqualTo(before);
    }

    /** Issue 17: a pair confirmed as two people at registration, a scan of the county, and a read in the access log. */
    private static void aPairOfPossibleDuplicatesAScanAndAnAccessLogEntry() {
        Map<String, Object> again = Households.household(VILLAGE, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> head = ((List<Map<String, Object>>) again.get("members")).get(0);
        Map<String, Object> registered = as(admin).get("/api/v1/households/" + ids.get("household")).path("members[0]");
        String taken = (String) registered.get("idNumber");
        head.put("name", registered.get("name"));
        head.put("idNumber", Households.withSerial(taken, (Integer.parseInt(taken.substring(14, 17)) + 500) % 1000));
        again.put("duplicateConfirmation", "同名同日生，核实为两人");
        created(as(admin).contentType(ContentType.JSON).body(again).post("/api/v1/households"));
        ids.put("pair", as(admin).queryParam("status", "DISTINCT").get("/api/v1/duplicate-candidates").path("items[0].id"));
        ids.put("scan", as(admin).contentType(ContentType.JSON).body(Map.of("region", COUNTY)).post("/api/v1/duplicate-scans")
                .then().statusCode(202).extract().path("id"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                "DONE".equals(as(admin).get("/api/v1/duplicate-scans/" + ids.get("scan")).path("status")));
        // Not among ids: a small number, which any body may contain.
        accessLogEntry = String.valueOf(as(admin).queryParam("household", ids.get("household")).get("/api/v1/access-log")
                .<Object>path("items[0].id"));
    }

    /** Monitoring (防止返貧動態監測): a marginal household stable for months, its clearance proposed, then a signal's alert. */
    private static void aMonitoredHouseholdWithAnAlertAndAClearance() {
        Map<String, Object> marginal = Households.household(VILLAGE, 1);
        marginal.put("initialStatus", "MONITORED");
        marginal.put("registeredOn", today().minusYears(1).toString());
        Response household = as(admin).contentType(ContentType.JSON).body(marginal).post("/api/v1/households");
        ids.put("monitored", created(household));
        String headIdNumber = household.path("members[0].idNumber");
        for (LocalDate on : List.of(today().minusMonths(7), today().minusMonths(1))) {
            created(as(admin).contentType(ContentType.JSON).body(Households.assessment(on, "A", 9000))
                    .post("/api/v1/households/" + ids.get("monitored") + "/assessments"));
        }
        ids.put("clearance", created(as(suite.token("village-cadre", VILLAGE)).contentType(ContentType.JSON)
                .body(Map.of("householdId", ids.get("monitored"), "proposedOn", today().toString(), "reason", "收入稳定"))
                .post("/api/v1/risk-clearances")));
        ids.put("signal", created(as(suite.token("integrator", COUNTY)).contentType(ContentType.JSON).body(signal(headIdNumber))
                .post("/api/v1/signals")));
        ids.put("alert", as(admin).queryParam("householdId", ids.get("monitored")).get("/api/v1/monitoring-alerts").path("items[0].id"));
        // The village's work team reaches household-service through assistance.events: wait until the alert is the team's,
        // so that the snapshot is not taken while the assignment still moves.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                "WORK_TEAM".equals(as(admin).get("/api/v1/monitoring-alerts/" + ids.get("alert")).path("assigneeKind")));
        ids.put("headIdNumber", headIdNumber);
        ids.put("delivery", await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                as(admin).get("/api/v1/webhooks/subscriptions/" + ids.get("subscription") + "/deliveries?status=DELIVERED")
                        .path("items[0].eventId"), id -> id != null));
    }

    private static Map<String, Object> signal(String idNumber) {
        return Map.of("signalId", "WALK-" + UUID.randomUUID(), "department", "HUMAN_RESOURCES", "kind", "JOB_LOSS",
                "idNumber", idNumber, "occurredOn", today().toString());
    }

    @Test
    void theSameReadsWithThisCountysTokenFindEveryRecordTheWalkAimedAt() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Call> entry : calls().entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            // My work aims at no record: it answers whoever the caller's account is linked to (MyWorkApiTest checks that
            // a helper's households outside the token's region stay out, MonitoringIT reads one through the suite).
            if (method.equals("GET") && entry.getValue().outcome() == Outcome.REFUSED && !entry.getKey().contains("/rebuilds")
                    && !entry.getKey().equals("GET /api/v1/my-work")) {
                int status = entry.getValue().send(method, admin).statusCode();
                if (status != 200) {
                    missing.add(entry.getKey() + " answered " + status);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void check(OpenApiDocument.Operation operation, Call call, Response answer, List<String> failures) {
        String body = answer.asString();
        String what = operation.key() + " (" + answer.contentType() + ") answered " + answer.statusCode() + ": "
                + body.substring(0, Math.min(300, body.length()));
        boolean held = switch (call.outcome()) {
            case REFUSED -> answer.statusCode() == 403 || answer.statusCode() == 404;
            case UNKNOWN_REFERENCE -> answer.statusCode() == 422 && answer.jsonPath().getString("code").startsWith("unknown-");
            case NOTHING_LISTED -> answer.statusCode() == 200 && mentionsNothingOfThisCounty(body);
            case EACH_ITEM_UNKNOWN -> answer.statusCode() == 200 && !answer.jsonPath().getList("results").isEmpty()
                    && answer.jsonPath().getList("results.code").stream().allMatch(code -> String.valueOf(code).startsWith("unknown-"));
            case EACH_ITEM_NOT_FOUND -> answer.statusCode() == 200 && !answer.jsonPath().getList("results").isEmpty()
                    && answer.jsonPath().getList("results.code").stream().allMatch("not-found"::equals);
            case EVERY_ROW_REFUSED -> answer.statusCode() == 202 && everyRowRefused(answer.path("jobId"));
            case RECEIVED_AS_UNKNOWN -> (answer.statusCode() == 200 || answer.statusCode() == 201) && invisibleHere(answer);
            case CALLERS_OWN_COUNTY -> answer.statusCode() == 201 && OTHER_COUNTY.equals(answer.path("countyCode"));
        };
        if (!held) {
            failures.add(what);
        }
    }

    /** Every signal a receipt names is unknown to this county's admin. */
    private static boolean invisibleHere(Response receipt) {
        Object ids = receipt.path("id");
        List<?> received = ids instanceof List<?> list ? list : List.of(ids);
        return !received.isEmpty() && received.stream().allMatch(id -> as(admin).get("/api/v1/signals/" + id).statusCode() == 404);
    }

    private static boolean mentionsNothingOfThisCounty(String body) {
        return !body.contains(COUNTY) && ids.values().stream().noneMatch(body::contains);
    }

    private static boolean everyRowRefused(String job) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"QUEUED".equals(as(other).get("/api/v1/household-imports/" + job).path("status"))
                        && !"RUNNING".equals(as(other).get("/api/v1/household-imports/" + job).path("status")));
        Response result = as(other).get("/api/v1/household-imports/" + job);
        return "COMPLETED".equals(result.path("status")) && Integer.valueOf(0).equals(result.path("succeeded"))
                && result.jsonPath().getList("errors.code").contains("unknown-village");
    }

    /** Every operation of the suite, aimed at this county's records, with a body that is valid but for its region. */
    private static Map<String, Call> calls() {
        String household = "/api/v1/households/" + ids.get("household");
        String ifMatch = "\"1000\"";
        Map<String, Call> calls = new LinkedHashMap<>();
        // Regions
        calls.put("GET /api/v1/regions", Call.of(Outcome.REFUSED, "/api/v1/regions").query("parent", COUNTY));
        calls.put("GET /api/v1/regions/{code}", Call.of(Outcome.REFUSED, "/api/v1/regions/" + TOWNSHIP));
        calls.put("PUT /api/v1/regions/{code}", Call.of(Outcome.REFUSED, "/api/v1/regions/" + TOWNSHIP).header("If-Match", ifMatch)
                .json(Map.of("name", "占领镇", "level", "TOWNSHIP", "parentCode", COUNTY, "ruralPopulation", 1, "poorVillage", false,
                        "deepPoverty", false)));
        // Personal data and duplicates (issue 17)
        calls.put("GET /api/v1/access-log", Call.of(Outcome.NOTHING_LISTED, "/api/v1/access-log").query("household", ids.get("household")));
        calls.put("GET /api/v1/access-log/{id}", Call.of(Outcome.REFUSED, "/api/v1/access-log/" + accessLogEntry));
        calls.put("POST /api/v1/duplicate-scans", Call.of(Outcome.REFUSED, "/api/v1/duplicate-scans").json(Map.of("region", COUNTY)));
        calls.put("GET /api/v1/duplicate-scans/{id}", Call.of(Outcome.REFUSED, "/api/v1/duplicate-scans/" + ids.get("scan")));
        calls.put("GET /api/v1/duplicate-candidates", Call.of(Outcome.REFUSED, "/api/v1/duplicate-candidates").query("region", COUNTY));
        calls.put("GET /api/v1/duplicate-candidates/{id}", Call.of(Outcome.REFUSED, "/api/v1/duplicate-candidates/" + ids.get("pair")));
        calls.put("POST /api/v1/duplicate-candidates/{id}/dismissal", Call.of(Outcome.REFUSED,
                "/api/v1/duplicate-candidates/" + ids.get("pair") + "/dismissal").json(Map.of("reason", "邻县替你决定")));
        calls.put("POST /api/v1/duplicate-candidates/{id}/merge", Call.of(Outcome.REFUSED,
                "/api/v1/duplicate-candidates/" + ids.get("pair") + "/merge")
                .json(Map.of("keep", java.util.UUID.randomUUID().toString(), "reason", "邻县替你合并")));
        calls.put("POST /api/v1/duplicate-candidates/{id}/move", Call.of(Outcome.REFUSED,
                "/api/v1/duplicate-candidates/" + ids.get("pair") + "/move")
                .json(Map.of("member", java.util.UUID.randomUUID().toString(), "reason", "邻县替你迁移")));
        calls.put("POST /api/v1/duplicate-candidates/{id}/undo", Call.of(Outcome.REFUSED,
                "/api/v1/duplicate-candidates/" + ids.get("pair") + "/undo").json(Map.of("reason", "邻县替你撤销")));
        // Households
        calls.put("POST /api/v1/households", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/households").json(Households.household(VILLAGE, 1)));
        calls.put("GET /api/v1/households", Call.of(Outcome.REFUSED, "/api/v1/households").query("region", COUNTY));
        calls.put("GET /api/v1/households/{id}", Call.of(Outcome.REFUSED, household));
        calls.put("PATCH /api/v1/households/{id}", Call.of(Outcome.REFUSED, household).header("If-Match", ifMatch)
                .body("application/merge-patch+json", Map.of("address", "别处")));
        calls.put("GET /api/v1/households/{id}/assessments", Call.of(Outcome.REFUSED, household + "/assessments"));
        calls.put("POST /api/v1/households/{id}/assessments", Call.of(Outcome.REFUSED, household + "/assessments").json(assessment()));
        calls.put("GET /api/v1/households/{id}/history", Call.of(Outcome.REFUSED, household + "/history"));
        calls.put("POST /api/v1/households/{id}/members", Call.of(Outcome.REFUSED, household + "/members")
                .json(((List<?>) Households.household(VILLAGE, 2).get("members")).get(1)));
        calls.put("PATCH /api/v1/households/{id}/members/{memberId}", Call.of(Outcome.REFUSED, household + "/members/" + ids.get("member"))
                .header("If-Match", ifMatch).body("application/merge-patch+json", Map.of("education", "IN_SCHOOL")));
        calls.put("DELETE /api/v1/households/{id}/members/{memberId}", Call.of(Outcome.REFUSED,
                household + "/members/" + ids.get("member")).query("reason", "MOVED_OUT"));
        calls.put("POST /api/v1/households/{id}/transitions", Call.of(Outcome.REFUSED, household + "/transitions")
                .header("If-Match", ifMatch).json(Map.of("action", "FLAG_RISK", "effectiveDate", today().toString(), "riskType", "SUDDEN_HARDSHIP")));
        calls.put("POST /api/v1/household-imports", Call.of(Outcome.EVERY_ROW_REFUSED, "/api/v1/household-imports")
                .body(CSV, importFile(VILLAGE)));
        calls.put("GET /api/v1/household-imports/{jobId}", Call.of(Outcome.REFUSED, "/api/v1/household-imports/" + ids.get("import")));
        calls.put("GET /api/v1/household-imports/{jobId}/errors", Call.of(Outcome.REFUSED,
                "/api/v1/household-imports/" + ids.get("import") + "/errors"));
        // Cases
        String theCase = "/api/v1/cases/" + ids.get("case");
        calls.put("POST /api/v1/cases", Call.of(Outcome.REFUSED, "/api/v1/cases").json(Map.of("householdId", ids.get("household"),
                "kind", "EXIT", "proposedOn", today().toString(), "reason", "占领")));
        calls.put("GET /api/v1/cases", Call.of(Outcome.REFUSED, "/api/v1/cases").query("region", COUNTY));
        calls.put("GET /api/v1/cases/{id}", Call.of(Outcome.REFUSED, theCase));
        calls.put("GET /api/v1/cases/{id}/timeline", Call.of(Outcome.REFUSED, theCase + "/timeline"));
        calls.put("POST /api/v1/cases/{id}/verification", Call.of(Outcome.REFUSED, theCase + "/verification").header("If-Match", ifMatch)
                .json(Map.of("visitedOn", today().toString(), "findings", "占领", "agrees", true)));
        calls.put("POST /api/v1/cases/{id}/acknowledgement", Call.of(Outcome.REFUSED, theCase + "/acknowledgement")
                .header("If-Match", ifMatch).json(Map.of("signedOn", today().toString(), "agrees", true)));
        calls.put("POST /api/v1/cases/{id}/appraisal", Call.of(Outcome.REFUSED, theCase + "/appraisal").header("If-Match", ifMatch)
                .json(Map.of("meetingOn", today().toString(), "attendees", 3, "votesFor", 3, "votesAgainst", 0, "abstentions", 0)));
        calls.put("POST /api/v1/cases/{id}/township-review", Call.of(Outcome.REFUSED, theCase + "/township-review")
                .header("If-Match", ifMatch).json(Map.of("decision", "APPROVE", "reviewedOn", today().toString())));
        calls.put("POST /api/v1/cases/{id}/county-decision", Call.of(Outcome.REFUSED, theCase + "/county-decision")
                .header("If-Match", ifMatch).json(Map.of("decision", "APPROVE", "announcedOn", today().toString())));
        calls.put("POST /api/v1/cases/{id}/withdrawal", Call.of(Outcome.REFUSED, theCase + "/withdrawal").header("If-Match", ifMatch)
                .json(Map.of("reason", "占领")));
        calls.put("POST /api/v1/cases/{id}/objections", Call.of(Outcome.REFUSED, theCase + "/objections").json(Map.of("text", "占领")));
        calls.put("POST /api/v1/cases/{id}/objections/{objectionId}/finding", Call.of(Outcome.REFUSED,
                theCase + "/objections/" + UUID.randomUUID() + "/finding").json(Map.of("finding", "UPHELD", "reason", "占领")));
        calls.put("GET /api/v1/case-queue", Call.of(Outcome.NOTHING_LISTED, "/api/v1/case-queue"));
        String villageExit = "/api/v1/village-exits/" + ids.get("villageExit");
        calls.put("POST /api/v1/village-exits", Call.of(Outcome.REFUSED, "/api/v1/village-exits")
                .json(Map.of("villageCode", SECOND_VILLAGE, "proposedOn", today().toString(), "reason", "占领")));
        calls.put("GET /api/v1/village-exits", Call.of(Outcome.REFUSED, "/api/v1/village-exits").query("region", COUNTY));
        calls.put("GET /api/v1/village-exits/{id}", Call.of(Outcome.REFUSED, villageExit));
        calls.put("POST /api/v1/village-exits/{id}/decision", Call.of(Outcome.REFUSED, villageExit + "/decision")
                .header("If-Match", "\"0\"").json(Map.of("decision", "APPROVE", "decidedOn", today().toString())));
        calls.put("GET /api/v1/public-notices", Call.of(Outcome.REFUSED, "/api/v1/public-notices").query("region", COUNTY));
        // Monitoring
        calls.put("POST /api/v1/signals", Call.of(Outcome.RECEIVED_AS_UNKNOWN, "/api/v1/signals").json(signal(ids.get("headIdNumber"))));
        calls.put("POST /api/v1/signals/batch", Call.of(Outcome.RECEIVED_AS_UNKNOWN, "/api/v1/signals/batch")
                .json(Map.of("signals", List.of(signal(ids.get("headIdNumber"))))));
        calls.put("GET /api/v1/signals", Call.of(Outcome.REFUSED, "/api/v1/signals").query("region", COUNTY));
        calls.put("GET /api/v1/signals/{id}", Call.of(Outcome.REFUSED, "/api/v1/signals/" + ids.get("signal")));
        String alert = "/api/v1/monitoring-alerts/" + ids.get("alert");
        calls.put("GET /api/v1/monitoring-alerts", Call.of(Outcome.REFUSED, "/api/v1/monitoring-alerts").query("region", COUNTY));
        calls.put("GET /api/v1/monitoring-alerts/worklist", Call.of(Outcome.REFUSED, "/api/v1/monitoring-alerts/worklist")
                .query("region", COUNTY));
        calls.put("GET /api/v1/monitoring-alerts/{id}", Call.of(Outcome.REFUSED, alert));
        calls.put("POST /api/v1/monitoring-alerts/{id}/verification", Call.of(Outcome.REFUSED, alert + "/verification")
                .json(Map.of("verifiedOn", today().toString(), "outcome", "DISMISSED", "findings", "占领")));
        calls.put("POST /api/v1/monitoring-alerts/{id}/decision", Call.of(Outcome.REFUSED, alert + "/decision")
                .json(Map.of("decision", "APPROVE", "decidedOn", today().toString())));
        String clearance = "/api/v1/risk-clearances/" + ids.get("clearance");
        calls.put("POST /api/v1/risk-clearances", Call.of(Outcome.REFUSED, "/api/v1/risk-clearances")
                .json(Map.of("householdId", ids.get("monitored"), "proposedOn", today().toString(), "reason", "占领")));
        calls.put("GET /api/v1/risk-clearances", Call.of(Outcome.REFUSED, "/api/v1/risk-clearances").query("region", COUNTY));
        calls.put("GET /api/v1/risk-clearances/{id}", Call.of(Outcome.REFUSED, clearance));
        calls.put("POST /api/v1/risk-clearances/{id}/decision", Call.of(Outcome.REFUSED, clearance + "/decision")
                .json(Map.of("decision", "APPROVE", "decidedOn", today().toString())));
        calls.put("GET /api/v1/warning-rules", Call.of(Outcome.NOTHING_LISTED, "/api/v1/warning-rules"));
        calls.put("GET /api/v1/warning-rules/versions", Call.of(Outcome.NOTHING_LISTED, "/api/v1/warning-rules/versions"));
        calls.put("POST /api/v1/warning-rules", Call.of(Outcome.CALLERS_OWN_COUNTY, "/api/v1/warning-rules")
                .json(Map.of("code", "walk-rule", "name", "占领", "condition", "SIGNAL_KIND", "signalKind", "JOB_LOSS", "active", true,
                        "effectiveFrom", today().plusDays(1).toString())));
        calls.put("GET /api/v1/announcements", Call.of(Outcome.REFUSED, "/api/v1/announcements").query("region", COUNTY));
        // Organisation
        calls.put("GET /api/v1/assistance-groups", Call.of(Outcome.NOTHING_LISTED, "/api/v1/assistance-groups").query("limit", 500));
        calls.put("POST /api/v1/assistance-groups", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/assistance-groups")
                .json(Map.of("name", "占领集团", "regionCode", COUNTY)));
        calls.put("GET /api/v1/assistance-groups/{id}", Call.of(Outcome.REFUSED, "/api/v1/assistance-groups/" + ids.get("group")));
        calls.put("GET /api/v1/units", Call.of(Outcome.NOTHING_LISTED, "/api/v1/units").query("limit", 500));
        calls.put("POST /api/v1/units", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/units")
                .json(Map.of("name", "占领局", "type", "DEPARTMENT", "groupId", ids.get("group"))));
        calls.put("GET /api/v1/units/{id}", Call.of(Outcome.REFUSED, "/api/v1/units/" + ids.get("unit")));
        calls.put("GET /api/v1/helpers", Call.of(Outcome.NOTHING_LISTED, "/api/v1/helpers").query("limit", 500));
        calls.put("POST /api/v1/helpers", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/helpers")
                .json(Map.of("name", "占领者", "unitId", ids.get("unit"), "kind", "CADRE")));
        calls.put("GET /api/v1/helpers/{id}", Call.of(Outcome.REFUSED, "/api/v1/helpers/" + ids.get("helper")));
        calls.put("PATCH /api/v1/helpers/{id}", Call.of(Outcome.REFUSED, "/api/v1/helpers/" + ids.get("helper")).header("If-Match", ifMatch)
                .body("application/merge-patch+json", Map.of("maxHouseholds", 50)));
        calls.put("GET /api/v1/work-teams", Call.of(Outcome.REFUSED, "/api/v1/work-teams").query("region", COUNTY));
        calls.put("POST /api/v1/work-teams", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/work-teams")
                .json(Map.of("villageCode", VILLAGE, "leaderId", ids.get("helper"))));
        calls.put("GET /api/v1/work-teams/{id}", Call.of(Outcome.REFUSED, "/api/v1/work-teams/" + ids.get("workTeam")));
        calls.put("GET /api/v1/war-zones", Call.of(Outcome.NOTHING_LISTED, "/api/v1/war-zones").query("limit", 500));
        calls.put("POST /api/v1/war-zones", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/war-zones")
                .json(Map.of("name", "占领战区", "leaderId", ids.get("helper"), "townshipCodes", List.of(TOWNSHIP))));
        calls.put("GET /api/v1/war-zones/{id}", Call.of(Outcome.REFUSED, "/api/v1/war-zones/" + ids.get("warZone")));
        // Pairings, measures, visits, alerts
        calls.put("GET /api/v1/pairings", Call.of(Outcome.REFUSED, "/api/v1/pairings").query("region", COUNTY));
        calls.put("POST /api/v1/pairings", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/pairings")
                .json(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", ids.get("helper"), "householdId", ids.get("household"))));
        calls.put("GET /api/v1/pairings/{id}", Call.of(Outcome.REFUSED, "/api/v1/pairings/" + ids.get("pairing")));
        calls.put("POST /api/v1/pairings/{id}/end", Call.of(Outcome.REFUSED, "/api/v1/pairings/" + ids.get("pairing") + "/end")
                .header("If-Match", ifMatch).json(Map.of("reason", "OTHER")));
        calls.put("GET /api/v1/measures", Call.of(Outcome.REFUSED, "/api/v1/measures").query("region", COUNTY));
        calls.put("POST /api/v1/measures", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/measures").json(measure(ids.get("household"))));
        calls.put("GET /api/v1/measures/totals", Call.of(Outcome.REFUSED, "/api/v1/measures/totals").query("region", COUNTY));
        calls.put("GET /api/v1/measures/{id}", Call.of(Outcome.REFUSED, "/api/v1/measures/" + ids.get("measure")));
        calls.put("PATCH /api/v1/measures/{id}", Call.of(Outcome.REFUSED, "/api/v1/measures/" + ids.get("measure"))
                .header("If-Match", ifMatch).body("application/merge-patch+json", Map.of("status", "COMPLETED")));
        calls.put("POST /api/v1/measures/{id}/confirmations", Call.of(Outcome.REFUSED,
                "/api/v1/measures/" + ids.get("measure") + "/confirmations").json(Map.of("confirmedOn", today().toString())));
        calls.put("POST /api/v1/measures/confirmations/batch", Call.of(Outcome.EACH_ITEM_NOT_FOUND,
                "/api/v1/measures/confirmations/batch").json(Map.of("items", List.of(Map.of("id", UUID.randomUUID().toString(),
                        "measureId", ids.get("measure"), "baseVersion", 0)))));
        calls.put("GET /api/v1/households/changes", Call.of(Outcome.REFUSED, "/api/v1/households/changes").query("region", COUNTY));
        calls.put("POST /api/v1/households/batch", Call.of(Outcome.EACH_ITEM_NOT_FOUND, "/api/v1/households/batch")
                .json(Map.of("items", List.of(Map.of("id", UUID.randomUUID().toString(), "kind", "ASSESSMENT",
                        "householdId", ids.get("household"), "baseVersion", 0,
                        "assessment", Households.assessment(today().minusDays(1), "A", 9000))))));
        String subscription = "/api/v1/webhooks/subscriptions/" + ids.get("subscription");
        calls.put("POST /api/v1/webhooks/subscriptions", Call.of(Outcome.REFUSED, "/api/v1/webhooks/subscriptions")
                .json(Map.of("url", "https://receiver.example.gov.cn/hook", "eventTypes", List.of("household.registered"),
                        "region", COUNTY)));
        calls.put("GET /api/v1/webhooks/subscriptions", Call.of(Outcome.NOTHING_LISTED, "/api/v1/webhooks/subscriptions"));
        calls.put("GET /api/v1/webhooks/subscriptions/{id}", Call.of(Outcome.REFUSED, subscription));
        calls.put("DELETE /api/v1/webhooks/subscriptions/{id}", Call.of(Outcome.REFUSED, subscription));
        calls.put("POST /api/v1/webhooks/subscriptions/{id}/reactivate", Call.of(Outcome.REFUSED, subscription + "/reactivate"));
        calls.put("GET /api/v1/webhooks/subscriptions/{id}/deliveries", Call.of(Outcome.REFUSED, subscription + "/deliveries"));
        calls.put("GET /api/v1/webhooks/subscriptions/{id}/deliveries/{eventId}", Call.of(Outcome.REFUSED,
                subscription + "/deliveries/" + ids.get("delivery")));
        calls.put("POST /api/v1/webhooks/subscriptions/{id}/deliveries/{eventId}/redeliver", Call.of(Outcome.REFUSED,
                subscription + "/deliveries/" + ids.get("delivery") + "/redeliver"));
        calls.put("POST /api/v1/webhooks/subscriptions/{id}/replay", Call.of(Outcome.REFUSED, subscription + "/replay")
                .json(Map.of("from", java.time.Instant.now().minus(Duration.ofDays(1)).toString())));
        calls.put("GET /api/v1/visits", Call.of(Outcome.REFUSED, "/api/v1/visits").query("region", COUNTY));
        calls.put("POST /api/v1/visits", Call.of(Outcome.UNKNOWN_REFERENCE, "/api/v1/visits").json(visit()));
        calls.put("POST /api/v1/visits/batch", Call.of(Outcome.EACH_ITEM_UNKNOWN, "/api/v1/visits/batch")
                .json(Map.of("visits", List.of(visit(), visit()))));
        calls.put("GET /api/v1/visits/{id}", Call.of(Outcome.REFUSED, "/api/v1/visits/" + ids.get("visit")));
        calls.put("GET /api/v1/alerts", Call.of(Outcome.REFUSED, "/api/v1/alerts").query("type", "UNPAIRED_HOUSEHOLD")
                .query("region", COUNTY));
        // My work: the other county's admin is no helper of this county; this county's helper accounts are not theirs.
        calls.put("GET /api/v1/my-work", Call.of(Outcome.REFUSED, "/api/v1/my-work"));
        String account = "/api/v1/helpers/" + ids.get("helper") + "/account";
        calls.put("GET /api/v1/helpers/{id}/account", Call.of(Outcome.REFUSED, account));
        calls.put("PUT /api/v1/helpers/{id}/account", Call.of(Outcome.REFUSED, account).json(Map.of("subject", "intruder")));
        calls.put("DELETE /api/v1/helpers/{id}/account", Call.of(Outcome.REFUSED, account));
        // Reports and the read model
        for (String report : List.of("overview", "breakdown", "guarantees", "assistance", "special-groups", "cases", "monitoring")) {
            calls.put("GET /api/v1/reports/" + report, Call.of(Outcome.REFUSED, "/api/v1/reports/" + report).query("region", COUNTY));
        }
        calls.put("GET /api/v1/reports/exits", Call.of(Outcome.REFUSED, "/api/v1/reports/exits").query("region", COUNTY)
                .query("from", today().minusDays(30).toString()).query("to", today().toString()));
        calls.put("POST /api/v1/reports/rebuilds", Call.of(Outcome.REFUSED, "/api/v1/reports/rebuilds"));
        calls.put("GET /api/v1/reports/rebuilds", Call.of(Outcome.REFUSED, "/api/v1/reports/rebuilds"));
        calls.put("GET /api/v1/reports/rebuilds/{id}", Call.of(Outcome.REFUSED, "/api/v1/reports/rebuilds/" + UUID.randomUUID()));
        return calls;
    }

    /** Every record of this county as its own admin reads it, and every list of it. */
    private static Map<String, String> snapshot() {
        Map<String, String> seen = new LinkedHashMap<>();
        String household = "/api/v1/households/" + ids.get("household");
        for (String path : List.of("/api/v1/regions/" + COUNTY, "/api/v1/regions/" + TOWNSHIP, "/api/v1/regions/" + VILLAGE,
                household, household + "/assessments", household + "/history",
                "/api/v1/assistance-groups/" + ids.get("group"), "/api/v1/units/" + ids.get("unit"), "/api/v1/helpers/" + ids.get("helper"),
                "/api/v1/helpers/" + ids.get("helper") + "/account", "/api/v1/work-teams/" + ids.get("workTeam"), "/api/v1/war-zones/" + ids.get("warZone"),
                "/api/v1/pairings/" + ids.get("pairing"), "/api/v1/measures/" + ids.get("measure"), "/api/v1/visits/" + ids.get("visit"),
                "/api/v1/household-imports/" + ids.get("import"), "/api/v1/cases/" + ids.get("case"),
                "/api/v1/cases/" + ids.get("case") + "/timeline", "/api/v1/village-exits/" + ids.get("villageExit"),
                "/api/v1/households/" + ids.get("monitored"), "/api/v1/signals/" + ids.get("signal"),
                "/api/v1/monitoring-alerts/" + ids.get("alert"), "/api/v1/risk-clearances/" + ids.get("clearance"),
                "/api/v1/warning-rules/versions", "/api/v1/duplicate-candidates/" + ids.get("pair"),
                "/api/v1/duplicate-scans/" + ids.get("scan"), "/api/v1/webhooks/subscriptions/" + ids.get("subscription"))) {
            Response response = as(admin).get(path);
            seen.put(path, response.statusCode() + " " + response.header("ETag") + " " + response.asString());
        }
        Function<String, String> list = path -> as(admin).queryParam("region", COUNTY).queryParam("limit", 500).get(path).asString();
        for (String path : List.of("/api/v1/households", "/api/v1/pairings", "/api/v1/measures", "/api/v1/visits", "/api/v1/work-teams",
                "/api/v1/village-exits", "/api/v1/signals", "/api/v1/monitoring-alerts", "/api/v1/risk-clearances")) {
            seen.put(path, list.apply(path));
        }
        for (String path : List.of("/api/v1/units", "/api/v1/helpers", "/api/v1/assistance-groups", "/api/v1/war-zones")) {
            seen.put(path, as(admin).queryParam("limit", 500).get(path).asString());
        }
        seen.put("/api/v1/regions?parent=" + COUNTY, as(admin).queryParam("parent", COUNTY).get("/api/v1/regions").asString());
        return seen;
    }

    private static Map<String, Object> assessment() {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", today().toString());
        body.put("food", true);
        body.put("clothing", true);
        body.put("compulsoryEducation", true);
        body.put("basicMedical", true);
        body.put("housingSafetyGrade", "B");
        body.put("drinkingWater", true);
        body.put("annualIncomePerCapita", 4500);
        return body;
    }

    private static Map<String, Object> measure(String household) {
        return Map.of("type", "INDUSTRY", "householdId", household, "provider", Map.of("kind", "HELPER", "id", ids.get("helper")),
                "amount", 3000, "startedOn", today().toString(), "status", "IN_PROGRESS");
    }

    private static Map<String, Object> visit() {
        return new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "helperId", ids.get("helper"),
                "householdId", ids.get("household"), "visitedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** One household of one member in the village, as the import takes it. */
    private static String importFile(String village) {
        String header = "householdRef,villageCode,address,phone,category,causes,primaryCause,identifiedYear,annualIncomePerCapita,"
                + "initialStatus,registeredOn,name,idNumber,relation,health,disabilityGrade,severeMentalIllness,education,"
                + "laborCapacity,medicalInsurance,migrantWorker";
        return header + "\nH1," + village + ",范围村三组,13900139000,GENERAL,ILLNESS,ILLNESS,2016,2500,POOR,,王导入,"
                + Households.idNumber() + ",HEAD,HEALTHY,,false,GRADUATED,FULL,true,false\n";
    }

    private static Response post(String path, Object body) {
        return as(admin).contentType(ContentType.JSON).body(body).post(path);
    }

    private static String created(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
