package org.fupin.reporting.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.fupin.reporting.TwoMonthCounty;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every report, now and as of earlier dates, against figures computed by hand from the story of
 * {@link TwoMonthCounty} (the comments give the reasoning).
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class ReportsTest {

    private static final TwoMonthCounty COUNTY = new TwoMonthCounty("531000");
    private static boolean told;

    private final TwoMonthCounty county = COUNTY;
    private final String token = TestTokens.token("analyst", COUNTY.county);

    /** Once for the class, but where the test's HTTP port is known (not yet in a @BeforeAll). */
    @BeforeEach
    void tellTheStory() {
        if (told) {
            return;
        }
        told = true;
        county.publish();
        // The last events of each topic have arrived once the visits and D's registration count.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                report("assistance", null).extract().<Integer>path("measures.size()") == 2
                        && report("overview", null).extract().<Integer>path("households.total") == 5
                        && report("assistance", "2026-09-30").extract().<Integer>path("visits.visits") == 1
                        && report("overview", null).extract().<Integer>path("people.total") == 13);
    }

    @Test
    void overviewNow() {
        // A EXITED (3 people); B POOR (2), D POOR (1), E POOR (3 since 08-10); C RETURNED (4).
        report("overview", null).statusCode(200)
                .body("region.code", equalTo(county.county))
                .body("households.byStatus.POOR", equalTo(3))
                .body("households.byStatus.EXITED", equalTo(1))
                .body("households.byStatus.RETURNED", equalTo(1))
                .body("households.byStatus.EXIT_PENDING", equalTo(0))
                .body("people.byStatus.POOR", equalTo(6))
                .body("people.total", equalTo(13))
                .body("currentlyPoor.households", equalTo(4))
                .body("currentlyPoor.people", equalTo(10))
                .body("povertyIncidence", equalTo(0.01f))
                // V1: 2 poor of 150 (1.3% < 3%) has exited; V3: 4 of 100 has not.
                .body("villages.poor", equalTo(2))
                .body("villages.poorExited", equalTo(1))
                .body("villages.deepPoverty", equalTo(1))
                .body("villages.deepPovertyExited", equalTo(0))
                .body("freshness.lastEventAt", notNullValue())
                .body("freshness.lagMillis", notNullValue());
    }

    @Test
    void overviewAsOfEarlierDates() {
        // 08-15: A, B, C, E poor (3+2+4+3 people); D not registered; V1 has 5 of 150 poor (3.3%).
        report("overview", "2026-08-15").statusCode(200)
                .body("asOf", equalTo("2026-08-15"))
                .body("households.total", equalTo(4))
                .body("households.byStatus.POOR", equalTo(4))
                .body("people.total", equalTo(12))
                .body("currentlyPoor.people", equalTo(12))
                .body("villages.poorExited", equalTo(0));
        // 08-31: A exited on 08-27; C's exit was proposed only on 09-01.
        report("overview", "2026-08-31").statusCode(200)
                .body("households.byStatus.POOR", equalTo(3))
                .body("households.byStatus.EXITED", equalTo(1))
                .body("people.byStatus.POOR", equalTo(9))
                .body("currentlyPoor.people", equalTo(9))
                .body("povertyIncidence", equalTo(0.009f))
                .body("villages.poorExited", equalTo(1));
        // 09-05: C under public notice still counts as poor.
        report("overview", "2026-09-05").statusCode(200)
                .body("households.byStatus.EXIT_PENDING", equalTo(1))
                .body("currentlyPoor.households", equalTo(3));
        // 09-10: C exited on 09-08; D still to come.
        report("overview", "2026-09-10").statusCode(200)
                .body("households.byStatus.POOR", equalTo(2))
                .body("households.byStatus.EXITED", equalTo(2))
                .body("people.byStatus.EXITED", equalTo(7))
                .body("households.total", equalTo(4));
        // Before anything happened.
        report("overview", "2026-07-31").statusCode(200).body("households.total", equalTo(0));
    }

    @Test
    void breakdownByTownshipAndByVillage() {
        report("breakdown", null).statusCode(200)
                .body("rows.region.code", equalTo(List.of(county.t1, county.t2)))
                // T1: A EXITED, B POOR, C RETURNED: 9 people, 6 of them currently poor, of 600.
                .body("rows[0].households.total", equalTo(3))
                .body("rows[0].currentlyPoor.households", equalTo(2))
                .body("rows[0].currentlyPoor.people", equalTo(6))
                .body("rows[0].povertyIncidence", equalTo(0.01f))
                .body("rows[0].villages.poor", equalTo(1))
                .body("rows[0].villages.poorExited", equalTo(1))
                // T2: D and E, 4 people, of 400.
                .body("rows[1].households.byStatus.POOR", equalTo(2))
                .body("rows[1].people.total", equalTo(4))
                .body("rows[1].povertyIncidence", equalTo(0.01f))
                .body("rows[1].villages.deepPoverty", equalTo(1))
                .body("rows[1].villages.deepPovertyExited", equalTo(0));
        given().auth().oauth2(token).queryParam("region", county.t1).queryParam("asOf", "2026-08-31")
                .get("/api/v1/reports/breakdown").then().statusCode(200)
                .body("rows.region.code", equalTo(List.of(county.v1, county.v2)))
                .body("rows[0].households.byStatus.EXITED", equalTo(1))
                .body("rows[1].households.byStatus.POOR", equalTo(1))
                .body("rows[1].people.total", equalTo(4));
    }

    @Test
    void guaranteeGapsOfTheCurrentlyPoor() {
        // Now B, C, D, E are poor; only B was assessed, last on 09-10 failing INCOME.
        report("guarantees", null).statusCode(200)
                .body("currentlyPoorHouseholds", equalTo(4))
                .body("assessed", equalTo(1))
                .body("notAssessed", equalTo(3))
                .body("failingAny", equalTo(1))
                .body("failing.INCOME", equalTo(1))
                .body("failing.HOUSING", equalTo(0));
        // On 09-05 B's latest assessment was that of 08-05; C (under notice) and E poor too.
        report("guarantees", "2026-09-05").statusCode(200)
                .body("currentlyPoorHouseholds", equalTo(3))
                .body("failing.HOUSING", equalTo(1))
                .body("failing.INCOME", equalTo(1));
    }

    @Test
    void specialGroupsAmongPoorAndExited() {
        // A county admin sees disability and mental illness in full: every count.
        String admin = TestTokens.token("county-admin", COUNTY.county);
        report(admin, "special-groups", null).statusCode(200)
                .body("currentlyPoor.people", equalTo(10))
                .body("currentlyPoor.disabled", equalTo(1))
                .body("currentlyPoor.disabledByGrade.2", equalTo(1))
                .body("currentlyPoor.severeMentalIllness", equalTo(1))
                .body("currentlyPoor.suppressed", empty())
                .body("exited.people", equalTo(3))
                .body("exited.severeMentalIllness", equalTo(0));
        // On 09-10 C (with the mentally ill member) had exited.
        report(admin, "special-groups", "2026-09-10").statusCode(200)
                .body("currentlyPoor.people", equalTo(5))
                .body("exited.people", equalTo(7))
                .body("exited.severeMentalIllness", equalTo(1));
    }

    @Test
    void smallCountsOfSpecialGroupsAreWithheldFromRolesThatDoNotSeeThemAndTotalsGiveNoneBack() {
        // The analyst (no personal field) and an integrator for statistics: one disabled and one mentally ill person
        // among the poor are fewer than 5; the grade's total would give the grade back, so it goes too; zeros stay.
        for (String reader : List.of(token, TestTokens.token("integrator", COUNTY.county))) {
            report(reader, "special-groups", null).statusCode(200)
                    .body("currentlyPoor.people", equalTo(10))
                    .body("currentlyPoor.disabled", nullValue())
                    .body("currentlyPoor.disabledByGrade.2", nullValue())
                    .body("currentlyPoor.disabledByGrade.1", equalTo(0))
                    .body("currentlyPoor.severeMentalIllness", nullValue())
                    .body("currentlyPoor.suppressed", containsInAnyOrder("disabledGrade2", "disabled", "severeMentalIllness"))
                    .body("exited.severeMentalIllness", equalTo(0))
                    .body("exited.suppressed", empty());
        }
        String csv = given().auth().oauth2(token).accept("text/csv").queryParam("region", county.county)
                .get("/api/v1/reports/special-groups").then().statusCode(200).extract().asString();
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).endsWith(",currentlyPoor,severeMentalIllness,"))
                .anySatisfy(line -> assertThat(line).endsWith(",currentlyPoor,disabled,"))
                .anySatisfy(line -> assertThat(line).endsWith(",exited,severeMentalIllness,0"));
        // An integrator granted the social-assistance purpose sees them in full.
        report(TestTokens.sign(TestTokens.claims("civil-affairs", "integrator", COUNTY.county).claim("purpose", "social-assistance")),
                "special-groups", null).statusCode(200)
                .body("currentlyPoor.severeMentalIllness", equalTo(1))
                .body("currentlyPoor.disabled", equalTo(1));
    }

    @Test
    void assistanceCoverageMeasuresAndVisits() {
        // Now: B's helper left on 09-01, so no poor household has one; exited A keeps its helper (脫貧不脫鉤).
        report("assistance", null).statusCode(200)
                .body("currentlyPoor.households", equalTo(4))
                .body("currentlyPoor.withHelper", equalTo(0))
                .body("exited.households", equalTo(1))
                .body("exited.withHelper", equalTo(1))
                .body("villages.total", equalTo(3))
                .body("villages.withWorkTeam", equalTo(1))
                .body("villages.poor", equalTo(2))
                .body("villages.poorWithWorkTeam", equalTo(1))
                .body("villages.poorWithUnitOrGroup", equalTo(1))
                .body("measures.type", equalTo(List.of("EDUCATION", "INDUSTRY")))
                .body("measures[0].amount", equalTo(1200.50f))
                .body("measures[1].measures", equalTo(2))
                .body("measures[1].confirmed", equalTo(1))
                .body("measures[1].amount", equalTo(17000.00f))
                // Both visits are more than 30 days old.
                .body("visits.visits", equalTo(0));
        // 08-20: A (under notice) and B had helpers; only the industry measure had started; B's visit of 08-15 saw a risk.
        report("assistance", "2026-08-20").statusCode(200)
                .body("currentlyPoor.households", equalTo(4))
                .body("currentlyPoor.withHelper", equalTo(2))
                .body("currentlyPoor.withoutHelper", equalTo(2))
                .body("measures.type", equalTo(List.of("INDUSTRY")))
                .body("measures[0].amount", equalTo(5000.00f))
                .body("visits.visits", equalTo(1))
                .body("visits.riskObserved", equalTo(1));
    }

    @Test
    void exitsAndReturnsPerMonthWeekAndDay() {
        exits("2026-08-01", "2026-09-30", "MONTH", null).statusCode(200)
                .body("periods.start", equalTo(List.of("2026-08-01", "2026-09-01")))
                .body("periods.exits", equalTo(List.of(1, 1)))
                .body("periods.returns", equalTo(List.of(0, 1)))
                .body("periods.cumulativeExits", equalTo(List.of(1, 2)))
                .body("exits", equalTo(2))
                .body("returns", equalTo(1));
        // As of 09-10 the range ends there, and C's return has not happened.
        exits("2026-08-01", "2026-09-30", "MONTH", "2026-09-10").statusCode(200)
                .body("to", equalTo("2026-09-10"))
                .body("periods.exits", equalTo(List.of(1, 1)))
                .body("returns", equalTo(0));
        // Weeks start on Monday: 08-24 holds A's exit of Thursday 08-27.
        exits("2026-08-24", "2026-09-13", "WEEK", null).statusCode(200)
                .body("periods.start", equalTo(List.of("2026-08-24", "2026-08-31", "2026-09-07")))
                .body("periods.exits", equalTo(List.of(1, 0, 1)));
        exits("2026-08-27", "2026-08-28", "DAY", null).statusCode(200)
                .body("periods.exits", equalTo(List.of(1, 0)));
    }

    @Test
    void everyReportAnswersCsvToo() {
        given().auth().oauth2(token).accept("text/csv").queryParam("region", county.county).queryParam("asOf", "2026-08-31")
                .get("/api/v1/reports/overview").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("region,asOf,figure,value\r\n"))
                .body(containsString(county.county + ",2026-08-31,households.POOR,3\r\n"))
                .body(containsString(county.county + ",2026-08-31,povertyIncidence,0.0090\r\n"));
        given().auth().oauth2(token).accept("text/csv").queryParam("region", county.county)
                .get("/api/v1/reports/breakdown").then().statusCode(200)
                .body(containsString(county.t2 + ",二镇,TOWNSHIP,400,2,4,"));
        given().auth().oauth2(token).accept("text/csv").queryParam("region", county.county)
                .queryParam("from", "2026-08-01").queryParam("to", "2026-09-30").queryParam("interval", "MONTH")
                .get("/api/v1/reports/exits").then().statusCode(200)
                .body(containsString(county.county + ",MONTH,2026-09-01,1,1,2\r\n"));
        for (String report : List.of("guarantees", "assistance", "special-groups")) {
            given().auth().oauth2(token).accept("text/csv").queryParam("region", county.county)
                    .get("/api/v1/reports/" + report).then().statusCode(200).contentType(containsString("text/csv"));
        }
    }

    @Test
    void badParametersAreRejectedWithTheirCode() {
        report("overview", "2999-01-01").statusCode(400).body("code", equalTo("invalid-parameter"));
        report("overview", "31/08/2026").statusCode(400).body("code", equalTo("invalid-parameter"));
        exits("2026-08-01", "2026-09-30", "YEAR", null).statusCode(400).body("code", equalTo("invalid-parameter"));
        exits("2026-09-30", "2026-08-01", "DAY", null).statusCode(400).body("code", equalTo("invalid-parameter"));
        exits("2020-01-01", "2026-09-30", "DAY", null).statusCode(400).body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(token).queryParam("region", "999999").get("/api/v1/reports/guarantees")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().get("/api/v1/reports/exits").then().statusCode(401);
    }

    private ValidatableResponse report(String name, String asOf) {
        return report(token, name, asOf);
    }

    private ValidatableResponse report(String reader, String name, String asOf) {
        var request = given().auth().oauth2(reader).queryParam("region", county.county);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/reports/" + name).then();
    }

    private ValidatableResponse exits(String from, String to, String interval, String asOf) {
        var request = given().auth().oauth2(token).queryParam("region", county.county)
                .queryParam("from", from).queryParam("to", to).queryParam("interval", interval);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/reports/exits").then();
    }
}
