package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * One person registered once, through the gateway as a county's officers meet it: a household brought in twice by an
 * import reaches the review queue by the scan the import queues, and the officer decides it; registering a person
 * again answers 409 with the candidate until confirmed with a reason.
 */
class DuplicatesIT {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = "500235132";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final String HEADER = "householdRef,villageCode,address,phone,category,causes,primaryCause,identifiedYear,"
            + "annualIncomePerCapita,initialStatus,registeredOn,name,idNumber,relation,health,disabilityGrade,"
            + "severeMentalIllness,education,laborCapacity,medicalInsurance,migrantWorker";

    private static String row(String ref, String name, String idNumber) {
        return String.join(",", ref, VILLAGE, "重复村一组", "13900139000", "GENERAL", "ILLNESS", "ILLNESS", "2016", "2500", "POOR", "",
                name, idNumber, "HEAD", "HEALTHY", "", "false", "GRADUATED", "FULL", "true", "false");
    }

    @Test
    void aPersonImportedTwiceReachesTheReviewQueueAndTheOfficerDecidesIt() throws Exception {
        Suite suite = E2eSuite.get();
        String admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "重复镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, VILLAGE, "重复村", "VILLAGE", TOWNSHIP, 400);
        String officer = suite.token("township-officer", TOWNSHIP);
        String first = Households.idNumber();
        String second = Households.withSerial(first, (Integer.parseInt(first.substring(14, 17)) + 500) % 1000);
        String csv = HEADER + "\n" + row("A", "钱学文", first) + "\n" + row("B", "錢學文", second) + "\n";
        String job = given().auth().oauth2(officer).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("fileName", "paper-register.csv").post("/api/v1/household-imports").then().statusCode(202)
                .extract().path("jobId");

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonPath queue;
        do {
            Thread.sleep(500);
            queue = given().auth().oauth2(officer).queryParam("region", VILLAGE).get("/api/v1/duplicate-candidates")
                    .then().statusCode(200).extract().jsonPath();
        } while (queue.getList("items").isEmpty() && System.nanoTime() < deadline);
        given().auth().oauth2(officer).get("/api/v1/household-imports/" + job).then().body("succeeded", equalTo(2));
        assertThat(queue.getList("items")).as("the review queue of the village").hasSize(1);
        assertThat(queue.getList("items[0].reasons", String.class)).contains("SAME_NAME_AND_BIRTH_DATE", "ID_NUMBER_ONE_DIGIT_APART");
        assertThat(List.of(queue.getString("items[0].a.name"), queue.getString("items[0].b.name")))
                .containsExactlyInAnyOrder("钱学文", "錢學文");
        String pair = queue.getString("items[0].id");
        String household = queue.getString("items[0].a.householdId");

        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("reason", "入户核实：同名同日生的两兄弟"))
                .post("/api/v1/duplicate-candidates/" + pair + "/dismissal").then().statusCode(200).body("status", equalTo("DISTINCT"));
        given().auth().oauth2(officer).queryParam("region", VILLAGE).get("/api/v1/duplicate-candidates").then()
                .body("items", org.hamcrest.Matchers.empty());
        given().auth().oauth2(officer).get("/api/v1/households/" + household + "/history").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("DUPLICATE_DISMISSED"));

        // The same person registered by hand: 409 with the candidates, then registered with a reason.
        java.util.Map<String, Object> again = Households.household(VILLAGE, 1);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> head = ((List<java.util.Map<String, Object>>) again.get("members")).get(0);
        head.put("name", "钱学文");
        head.put("idNumber", Households.withSerial(first, (Integer.parseInt(first.substring(14, 17)) + 700) % 1000));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(again).post("/api/v1/households").then().statusCode(409)
                .body("code", equalTo("possible-duplicate")).body("candidates", org.hamcrest.Matchers.hasSize(2));
        again.put("duplicateConfirmation", "入户核实：三兄弟同名同日生");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(again).post("/api/v1/households").then().statusCode(201);
        given().auth().oauth2(officer).queryParam("region", VILLAGE).queryParam("status", "DISTINCT")
                .get("/api/v1/duplicate-candidates").then().body("items.foundBy", org.hamcrest.Matchers.hasItem("registration"))
                .body("items", org.hamcrest.Matchers.hasSize(3));
    }

    @Test
    void eachDecisionOfTheReviewQueueChangesTheRegisterAndTheReportsFollowForEveryDate() {
        Suite suite = E2eSuite.get();
        String admin = suite.token("county-admin", COUNTY);
        String township = "500235133";
        String village = township + "201";
        SuiteSliceIT.putRegion(admin, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, township, "核查镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, village, "核查村", "VILLAGE", township, 400);
        String officer = suite.token("township-officer", township);
        String analyst = suite.token("analyst", COUNTY);

        // P registered in 2020 with two people; Q in 2021 with two, one of them P's second member registered again.
        Map<String, Object> p = Households.household(village, 2);
        p.put("registeredOn", "2020-08-01");
        Response first = given().auth().oauth2(officer).contentType(ContentType.JSON).body(p).post("/api/v1/households");
        first.then().statusCode(201);
        String kept = first.path("members[1].id");
        Map<String, Object> q = Households.household(village, 2);
        q.put("registeredOn", "2021-03-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> again = ((List<Map<String, Object>>) q.get("members")).get(1);
        String keptId = first.path("members[1].idNumber");
        again.put("name", first.path("members[1].name"));
        again.put("idNumber", Households.withSerial(keptId, (Integer.parseInt(keptId.substring(14, 17)) + 500) % 1000));
        q.put("duplicateConfirmation", "登记时认为是两个人");
        Response second = given().auth().oauth2(officer).contentType(ContentType.JSON).body(q).post("/api/v1/households");
        second.then().statusCode(201);
        String household = second.path("id");
        String twice = second.path("members[1].id");
        String pair = given().auth().oauth2(officer).queryParam("region", village).queryParam("status", "DISTINCT")
                .get("/api/v1/duplicate-candidates").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.a.memberId == '" + twice + "' || it.b.memberId == '" + twice + "' }.id");
        people(analyst, village, "2021-06-01", 4);

        // The registering cadre's confirmation reviewed: undone, it waits for a decision again.
        decide(officer, pair, "undo", Map.of("reason", "复核：登记时的确认有误")).then().statusCode(200).body("status", equalTo("OPEN"));
        // Merged: Q's record is retired from 2021-03-01, the day it began; every date counts the person once.
        decide(officer, pair, "merge", Map.of("keep", kept, "reason", "入户核实：同一人在两户重复登记")).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("retiredMemberId", equalTo(twice)).body("retiredFrom", equalTo("2021-03-01"));
        given().auth().oauth2(officer).get("/api/v1/households/" + household).then()
                .body("members.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(twice)));
        people(analyst, village, "2021-06-01", 3);
        people(analyst, village, null, 3);
        people(analyst, village, "2021-02-28", 2);

        // Undone: the record is back and counted as before.
        decide(officer, pair, "undo", Map.of("reason", "核实有误：两人确非同一人")).then().statusCode(200).body("status", equalTo("OPEN"));
        given().auth().oauth2(officer).get("/api/v1/households/" + household).then().body("members.id", org.hamcrest.Matchers.hasItem(twice));
        people(analyst, village, "2021-06-01", 4);

        // Moved: the person lives in P since 2022-05-01; Q counts them until then.
        decide(officer, pair, "move", Map.of("member", twice, "effectiveDate", "2022-05-01", "reason", "已迁入另一户居住"))
                .then().statusCode(200).body("status", equalTo("MOVED"));
        people(analyst, village, null, 3);
        people(analyst, village, "2022-04-30", 4);
        given().auth().oauth2(officer).get("/api/v1/households/" + household + "/history").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("DUPLICATE_DECISION_UNDONE", "DUPLICATE_MERGED", "DUPLICATE_MOVED"));
        given().auth().oauth2(officer).queryParam("region", village).queryParam("status", "MOVED").get("/api/v1/duplicate-candidates")
                .then().body("items.id", contains(pair));
    }

    private static Response decide(String token, String pair, String decision, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/duplicate-candidates/" + pair + "/" + decision);
    }

    /** The village's people on a date (null: today), once the reporting service has caught up. */
    private static void people(String token, String village, String asOf, int people) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            var request = given().auth().oauth2(token).queryParam("region", village);
            if (asOf != null) {
                request.queryParam("asOf", asOf);
            }
            request.get("/api/v1/reports/overview").then().statusCode(200).body("people.total", equalTo(people));
        });
    }
}
