package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Reports as of earlier dates through the whole suite: households are registered, exited and
 * returned through household-service's API with effective dates spread over August and September
 * 2020, and the reports, now and as of dates in between, equal the figures computed by hand:
 *
 * <pre>
 * county (rural population 1000): T1 (600) with V1 (150) and V2 (300); T2 (400) with V3 (100)
 * A  V1  3 people  registered 08-01; assessed 08-10; exit proposed 08-20, confirmed 08-28
 * B  V1  2 people  registered 08-01; stays poor
 * C  V2  4 people  registered 08-01; assessed 08-25; proposed 09-01, confirmed 09-09, returned 09-25
 * D  V3  1 person  registered 09-15
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsAsOfIT {

    private static final String COUNTY = "500240";
    private static final String T1 = COUNTY + "101";
    private static final String T2 = COUNTY + "102";
    private static final String V1 = T1 + "201";
    private static final String V2 = T1 + "202";
    private static final String V3 = T2 + "201";

    private Suite suite;
    private String admin;
    private String analyst;

    @BeforeAll
    void tellTheStory() {
        suite = E2eSuite.get();
        admin = suite.token("county-admin", COUNTY);
        analyst = suite.token("analyst", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "两月县", "COUNTY", null, 1000);
        SuiteSliceIT.putRegion(admin, T1, "一镇", "TOWNSHIP", COUNTY, 600);
        SuiteSliceIT.putRegion(admin, T2, "二镇", "TOWNSHIP", COUNTY, 400);
        SuiteSliceIT.putRegion(admin, V1, "一村", "VILLAGE", T1, 150);
        SuiteSliceIT.putRegion(admin, V2, "二村", "VILLAGE", T1, 300);
        SuiteSliceIT.putRegion(admin, V3, "三村", "VILLAGE", T2, 100);

        String a = register(V1, 3, "2020-08-01");
        register(V1, 2, "2020-08-01");
        String c = register(V2, 4, "2020-08-01");
        register(V3, 1, "2020-09-15");

        assess(a, "2020-08-10");
        // Decided by cases (兩公示一公告), each proposed a notice's length and a day before its announcement.
        CaseDecisions.approve(suite, a, V1, "EXIT", LocalDate.parse("2020-08-28"));
        assess(c, "2020-08-25");
        CaseDecisions.approve(suite, c, V2, "EXIT", LocalDate.parse("2020-09-09"));
        CaseDecisions.approve(suite, c, V2, "RETURN", LocalDate.parse("2020-09-25"));

        // 一村 exits as a poor village (貧困村出列): proposed by its township, announced by the county on 2020-10-15.
        String exit = given().auth().oauth2(suite.token("township-officer", T1)).contentType(ContentType.JSON)
                .body(Map.of("villageCode", V1, "proposedOn", "2020-10-01", "reason", "贫困发生率降至3%以下"))
                .post("/api/v1/village-exits").then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(admin).get("/api/v1/village-exits/" + exit).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("decision", "APPROVE", "decidedOn", "2020-10-15")).post("/api/v1/village-exits/" + exit + "/decision")
                .then().statusCode(200);

        // Every event has arrived once today's figures hold C's return, D's registration and the return's case.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            report("overview", null).statusCode(200)
                    .body("households.total", equalTo(4))
                    .body("households.byStatus.RETURNED", equalTo(1));
            report("cases", null).statusCode(200).body("kinds.find { it.kind == 'RETURN' }.approved", equalTo(1));
            report("overview", null).statusCode(200).body("villages.poorExitDecided", equalTo(1));
        });
    }

    @Test
    void theOverviewNowAndAsOfEarlierDates() {
        // Now: A EXITED (3), B POOR (2), C RETURNED (4), D POOR (1).
        report("overview", null).statusCode(200)
                .body("households.byStatus.POOR", equalTo(2))
                .body("households.byStatus.EXITED", equalTo(1))
                .body("people.total", equalTo(10))
                .body("currentlyPoor.households", equalTo(3))
                .body("currentlyPoor.people", equalTo(7))
                .body("povertyIncidence", equalTo(0.007f))
                // V1 2 of 150, V2 4 of 300, V3 1 of 100: all below 3%.
                .body("villages.poor", equalTo(3))
                .body("villages.poorExited", equalTo(3));
        // 08-15: A, B and C poor; D not yet registered. V1 has 5 of 150 poor (3.3%).
        report("overview", "2020-08-15").statusCode(200)
                .body("households.total", equalTo(3))
                .body("currentlyPoor.people", equalTo(9))
                .body("povertyIncidence", equalTo(0.009f))
                .body("villages.poorExited", equalTo(2));
        // 08-31: A has exited (08-28); C's exit is proposed only on 09-01.
        report("overview", "2020-08-31").statusCode(200)
                .body("households.byStatus.POOR", equalTo(2))
                .body("households.byStatus.EXITED", equalTo(1))
                .body("people.byStatus.POOR", equalTo(6));
        // 09-05: C's exit case is under its village notice; C is poor until the county's announcement.
        report("overview", "2020-09-05").statusCode(200)
                .body("households.byStatus.POOR", equalTo(2))
                .body("households.byStatus.EXIT_PENDING", equalTo(0))
                .body("currentlyPoor.households", equalTo(2))
                .body("currentlyPoor.people", equalTo(6));
        report("cases", "2020-09-05").statusCode(200)
                .body("kinds.find { it.kind == 'EXIT' }.open", equalTo(1))
                .body("kinds.find { it.kind == 'EXIT' }.approved", equalTo(1))
                .body("stages.find { it.stage == 'VILLAGE_NOTICE' }.waiting", equalTo(1));
        // 09-20: A and C exited, B and D poor.
        report("overview", "2020-09-20").statusCode(200)
                .body("households.byStatus.EXITED", equalTo(2))
                .body("people.byStatus.EXITED", equalTo(7))
                .body("households.byStatus.POOR", equalTo(2))
                .body("people.byStatus.POOR", equalTo(3));
    }

    @Test
    void aVillagesExitCountsFromTheCountysAnnouncementOn() {
        report("overview", "2020-10-14").statusCode(200).body("villages.poorExitDecided", equalTo(0));
        report("overview", "2020-10-15").statusCode(200).body("villages.poorExitDecided", equalTo(1))
                // The threshold is met or not by the households, whatever the county decided.
                .body("villages.poorExited", equalTo(3));
        given().auth().oauth2(analyst).queryParam("region", T1).queryParam("asOf", "2020-10-20").get("/api/v1/reports/breakdown")
                .then().statusCode(200)
                .body("rows.find { it.region.code == '" + V1 + "' }.exitDecidedOn", equalTo("2020-10-15"))
                .body("rows.find { it.region.code == '" + V2 + "' }.exitDecidedOn", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theBreakdownByTownship() {
        report("breakdown", "2020-09-20").statusCode(200)
                .body("rows.region.code", equalTo(List.of(T1, T2)))
                .body("rows[0].households.byStatus.EXITED", equalTo(2))
                .body("rows[0].households.byStatus.POOR", equalTo(1))
                .body("rows[1].households.byStatus.POOR", equalTo(1))
                .body("rows[1].currentlyPoor.people", equalTo(1));
        report("breakdown", "2020-09-10").statusCode(200)
                .body("rows[1].households.total", equalTo(0));
    }

    @Test
    void theExitsOfTheCampaignPerMonthAndAsOfADate() {
        exits(null).statusCode(200)
                .body("periods.start", equalTo(List.of("2020-08-01", "2020-09-01")))
                .body("periods.exits", equalTo(List.of(1, 1)))
                .body("periods.returns", equalTo(List.of(0, 1)))
                .body("periods.cumulativeExits", equalTo(List.of(1, 2)));
        exits("2020-09-05").statusCode(200)
                .body("periods.exits", equalTo(List.of(1, 0)))
                .body("returns", equalTo(0));
    }

    @Test
    void theGuaranteesAndCsvThroughTheGateway() {
        // Now B, C (returned) and D are currently poor; only C was assessed, meeting every guarantee.
        report("guarantees", null).statusCode(200)
                .body("currentlyPoorHouseholds", equalTo(3))
                .body("assessed", equalTo(1))
                .body("failingAny", equalTo(0));
        given().auth().oauth2(analyst).accept("text/csv").queryParam("region", COUNTY).queryParam("asOf", "2020-08-31")
                .get("/api/v1/reports/overview").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(COUNTY + ",2020-08-31,households.EXITED,1\r\n"));
    }

    private ValidatableResponse report(String name, String asOf) {
        var request = given().auth().oauth2(analyst).queryParam("region", COUNTY);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/reports/" + name).then();
    }

    private ValidatableResponse exits(String asOf) {
        var request = given().auth().oauth2(analyst).queryParam("region", COUNTY)
                .queryParam("from", "2020-08-01").queryParam("to", "2020-09-30").queryParam("interval", "MONTH");
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/reports/exits").then();
    }

    private String register(String village, int members, String registeredOn) {
        Map<String, Object> household = Households.household(village, members);
        household.put("registeredOn", registeredOn);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private void assess(String household, String on) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("assessedOn", on, "food", true, "clothing", true, "compulsoryEducation", true, "basicMedical", true,
                        "housingSafetyGrade", "A", "drinkingWater", true, "annualIncomePerCapita", 6000))
                .post("/api/v1/households/" + household + "/assessments").then().statusCode(201);
    }

}
