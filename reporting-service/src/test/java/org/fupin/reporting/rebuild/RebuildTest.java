package org.fupin.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.fupin.reporting.TwoMonthCounty;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A rebuild replays both topics into fresh tables and swaps them in: every report, now and as of
 * earlier dates, answers exactly what it answered before, even after the live tables were damaged.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class RebuildTest {

    private static final List<String> REPORTS = List.of("overview", "breakdown", "guarantees", "assistance",
            "special-groups", "exits?from=2026-08-01&to=2026-09-30&interval=WEEK&", "cases", "monitoring");
    private static final List<String> DATES = List.of("", "2026-08-15", "2026-08-31", "2026-09-10", "2026-09-20", "2026-09-30");

    @Inject
    AgroalDataSource dataSource;

    private static final String COUNTY = "532000";
    private final String admin = TestTokens.token("county-admin", COUNTY);
    private final String operator = TestTokens.token("operator");

    @Test
    void aRebuildGivesTheSameFiguresAsTheLiveConsumersAndRepairsDamagedTables() throws Exception {
        TwoMonthCounty county = new TwoMonthCounty(COUNTY).publish().publishMonitoring();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                figures(county).get("overview@").getInt("people.total") == 13
                        && figures(county).get("cases@").getInt("stages.find { it.stage == 'ACKNOWLEDGEMENT' }.waiting") == 1
                        && figures(county).get("assistance@2026-09-30").getInt("visits.visits") == 1
                        && figures(county).get("assistance@").getList("measures").size() == 2
                        && figures(county).get("monitoring@").getInt("monitored.byRiskType.UNSTABLE_EXIT") == 1
                        && figures(county).get("monitoring@").getInt("clearances.pending") == 1
                        && figures(county).get("monitoring@").getInt("signals.received") == 2);
        Map<String, JsonPath> before = figures(county);

        // Damage the live read model: lose a household's facts, all of today's precomputed counts, the alerts' steps
        // and the risk type A is monitored for.
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("delete from household_fact where household_id = '" + county.c + "'");
            sql.executeUpdate("delete from village_status_total");
            sql.executeUpdate("delete from pairing_fact");
            sql.executeUpdate("delete from case_state");
            sql.executeUpdate("delete from monitoring_alert_step");
            sql.executeUpdate("update household_status_history set risk_type = null where household_id = '" + county.a + "'");
        }
        assertThat(figures(county).get("overview@").getInt("households.total")).isNotEqualTo(5);
        assertThat(figures(county).get("cases@").getInt("kinds.find { it.kind == 'EXIT' }.open")).isZero();
        assertThat(figures(county).get("monitoring@").getInt("alerts.approved")).isZero();
        assertThat(figures(county).get("monitoring@").getInt("monitored.byRiskType.UNSTABLE_EXIT")).isZero();

        String location = given().auth().oauth2(operator).post("/api/v1/reports/rebuilds")
                .then().statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("requestedBy", notNullValue())
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(operator).get(location).then().statusCode(200).extract().path("status")));
        given().auth().oauth2(operator).get(location).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("failure", equalTo(null));
        int replayed = given().auth().oauth2(operator).get(location).then().extract().path("events");
        assertThat(replayed).isGreaterThanOrEqualTo(county.events);

        Map<String, JsonPath> after = figures(county);
        for (String key : before.keySet()) {
            assertThat(withoutFreshness(after.get(key))).as(key).isEqualTo(withoutFreshness(before.get(key)));
        }

        // The live consumers go on after the swap: a new household counts once, in the rebuilt tables.
        new TwoMonthCounty(COUNTY).publishOneMoreHousehold();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                figures(county).get("overview@").getInt("households.total") == 6);
        given().auth().oauth2(operator).get("/api/v1/reports/rebuilds").then().statusCode(200)
                .body("[0].status", equalTo("SUCCEEDED"));
    }

    @Test
    void onlyTheOperatorMayRebuildForEveryRegionAtOnce() {
        given().auth().oauth2(TestTokens.token("analyst")).post("/api/v1/reports/rebuilds")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(admin).post("/api/v1/reports/rebuilds")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(admin).get("/api/v1/reports/rebuilds")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().post("/api/v1/reports/rebuilds").then().statusCode(401);
        given().auth().oauth2(operator).get("/api/v1/reports/rebuilds/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void theOperatorReadsNoReport() {
        given().auth().oauth2(operator).get("/api/v1/reports/overview?region=" + COUNTY)
                .then().statusCode(403).body("code", equalTo("forbidden"));
    }

    private Map<String, JsonPath> figures(TwoMonthCounty county) {
        Map<String, JsonPath> figures = new LinkedHashMap<>();
        for (String report : REPORTS) {
            for (String date : DATES) {
                String name = report.contains("?") ? report.substring(0, report.indexOf('?')) : report;
                String query = report.contains("?") ? report.substring(report.indexOf('?') + 1) : "";
                String body = given().auth().oauth2(admin)
                        .get("/api/v1/reports/" + name + "?" + query + "region=" + county.county + (date.isEmpty() ? "" : "&asOf=" + date))
                        .then().statusCode(200).extract().asString();
                figures.put(name + "@" + date, new JsonPath(body));
            }
        }
        return figures;
    }

    private static Object withoutFreshness(JsonPath report) {
        Map<String, Object> map = new LinkedHashMap<>(report.getMap(""));
        map.remove("freshness");
        return map;
    }
}
