package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.fupin.suite.Progress;
import org.fupin.suite.Suite;
import org.fupin.suite.demo.DemoCommand;
import org.fupin.suite.demo.DemoLoader;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * {@code ./suite demo} against the packaged suite: a small demo county is loaded through the
 * services' APIs, and the reports (read models fed only by events) must show what the loader
 * says it created. Loading it again changes nothing.
 */
class DemoCountyIT {

    private static final String COUNTY = "500236";
    private static final int HOUSEHOLDS = 300;

    @Test
    void theReportsShowWhatTheDemoLoaded() {
        Suite suite = E2eSuite.get();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        DemoCommand.Options options = new DemoCommand.Options(HOUSEHOLDS, COUNTY);

        DemoLoader.Result result = DemoCommand.run(suite, options, new Progress(out, out), out);
        System.out.println(console.toString(StandardCharsets.UTF_8));

        assertThat(result.alreadyLoaded()).isFalse();
        assertThat(result.failures()).as("refused requests: " + result.failureSamples()).isZero();
        assertThat(result.households()).isEqualTo(HOUSEHOLDS);
        assertThat(result.exits()).isPositive();
        assertThat(result.villageExits()).isPositive();
        assertThat(result.measuresConfirmed()).isPositive().isLessThan(result.measures());
        assertThat(result.helperPairings()).isEqualTo(HOUSEHOLDS);
        assertThat(result.workTeams()).isEqualTo(448);
        assertThat(result.units()).isEqualTo(107 + 250);
        assertThat(result.groups()).isEqualTo(40);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Loaded in", "/dashboard");

        String analyst = suite.token("analyst", COUNTY);
        // The read models follow the events: wait until the last household and the last visit have arrived.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath overview = report(analyst, "/api/v1/reports/overview", Map.of());
            assertThat(overview.getLong("households.total")).isEqualTo(result.households());
            assertThat(overview.getLong("people.total")).isEqualTo(result.members());
            // An exited household flagged at risk, or whose risk a signal's alert confirmed, is MONITORED; one that returned is RETURNED.
            assertThat(overview.getLong("households.byStatus.EXITED"))
                    .isEqualTo(result.exits() - result.risksFlagged() - result.monitoring().newlyMonitored());
            assertThat(overview.getLong("households.byStatus.RETURNED")).isEqualTo(result.returns());
            // Exits are decided through cases: a household stays POOR while its case is on the way.
            assertThat(overview.getLong("households.byStatus.EXIT_PENDING")).isZero();
            assertThat(overview.getLong("villages.poor")).isEqualTo(162);
            assertThat(overview.getLong("villages.deepPoverty")).isEqualTo(19);
            // Announced by the county on the campaign's last day, for villages under the threshold (which it checks).
            assertThat(overview.getLong("villages.poorExitDecided")).isEqualTo(result.villageExits())
                    .isLessThanOrEqualTo(overview.getLong("villages.poorExited"));

            JsonPath assistance = report(analyst, "/api/v1/reports/assistance", Map.of());
            // Every household has its helper: the currently poor, and the exited ones (EXITED and MONITORED) alike.
            assertThat(assistance.getLong("currentlyPoor.withoutHelper")).isZero();
            assertThat(assistance.getLong("exited.withoutHelper")).isZero();
            assertThat(assistance.getLong("exited.households")).isEqualTo(
                    overview.getLong("households.byStatus.EXITED") + overview.getLong("households.byStatus.MONITORED"));
            assertThat(assistance.getLong("currentlyPoor.withHelper") + assistance.getLong("exited.withHelper"))
                    .isEqualTo(result.helperPairings());
            assertThat(assistance.getLong("villages.total")).isEqualTo(400);
            assertThat(assistance.getLong("villages.withWorkTeam")).isEqualTo(400);
            assertThat(assistance.getLong("villages.poorWithUnitOrGroup")).isEqualTo(162);
            List<Integer> measures = assistance.getList("measures.measures", Integer.class);
            assertThat(measures.stream().mapToLong(Integer::longValue).sum()).isEqualTo(result.measures());
        });

        JsonPath breakdown = report(analyst, "/api/v1/reports/breakdown", Map.of());
        assertThat(breakdown.getList("rows")).hasSize(42);
        assertThat(breakdown.getList("rows.households.total", Integer.class).stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(result.households());
        assertThat(breakdown.getList("rows.villages.deepPoverty", Integer.class).stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(19);

        // Every exit and return went through a case: approved ones are counted, the last week's are under notice (or, on
        // the day their notice ends, waiting for the township).
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath cases = report(analyst, "/api/v1/reports/cases", Map.of());
            assertThat(cases.getLong("kinds.find { it.kind == 'EXIT' }.approved")).isEqualTo(result.exits());
            assertThat(cases.getLong("kinds.find { it.kind == 'RETURN' }.approved")).isEqualTo(result.returns());
            assertThat(cases.getLong("stages.find { it.stage == 'VILLAGE_NOTICE' }.waiting")
                    + cases.getLong("stages.find { it.stage == 'TOWNSHIP_REVIEW' }.waiting")).isEqualTo(result.exitsPending());
            assertThat(cases.getDouble("durations.find { it.stage == 'VILLAGE_NOTICE' }.medianDays")).isEqualTo(7.0);
        });

        // A month of departments' signals (防止返貧動態監測): every one received, none refused, the alerts worked.
        DemoLoader.Monitoring monitoring = result.monitoring();
        assertThat(monitoring.signals()).isPositive();
        assertThat(monitoring.outcome("UNKNOWN_PERSON")).isPositive();
        assertThat(monitoring.alertsOpened()).isPositive();
        assertThat(monitoring.verified()).isPositive();
        assertThat(monitoring.approved()).isPositive().isLessThanOrEqualTo(monitoring.confirmed());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath report = report(analyst, "/api/v1/reports/monitoring", Map.of());
            // Helpers' visits that observed a risk are signals of fupin's own (department FUPIN) besides the departments' month.
            assertThat(report.getLong("signals.received") - report.getLong("signals.byDepartment.FUPIN")).isEqualTo(monitoring.signals());
            assertThat(report.getLong("signals.unknownPersons")).isEqualTo(monitoring.outcome("UNKNOWN_PERSON"));
            assertThat(report.getLong("alerts.approved")).isEqualTo(monitoring.approved());
            assertThat(report.getLong("alerts.dismissed")).isEqualTo(monitoring.dismissed());
        });

        // The campaign ends yesterday and lasts 100 days: every exit falls in it.
        var end = DemoLoader.defaultCampaignEnd();
        JsonPath exits = report(analyst, "/api/v1/reports/exits",
                Map.of("from", end.minusDays(99).toString(), "to", end.toString(), "interval", "MONTH"));
        assertThat(exits.getLong("exits")).isEqualTo(result.exits());
        assertThat(exits.getLong("returns")).isEqualTo(result.returns());

        // A second run sees the county and leaves it alone.
        DemoLoader.Result again = DemoCommand.run(suite, options, new Progress(out, out), out);
        assertThat(again.alreadyLoaded()).isTrue();
        assertThat(report(analyst, "/api/v1/reports/overview", Map.of()).getLong("households.total")).isEqualTo(result.households());
    }

    private static JsonPath report(String token, String path, Map<String, String> parameters) {
        return given().auth().oauth2(token).queryParam("region", COUNTY).queryParams(parameters)
                .get(path).then().statusCode(200).extract().jsonPath();
    }
}
