package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/**
 * The dashboard in headless Chromium, through the gateway of the packaged suite: a county of two
 * townships with households in each, assessed, paired with helpers and one of them exited; the
 * page opened by a link carrying the analyst's token must draw exactly the numbers the reports API
 * answers, at the county and after drilling down to a township and a village by clicking.
 * Screenshots go to e2e-tests/target/dashboard*.png.
 */
class DashboardIT {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> STATUSES = List.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED", "NOT_POOR", "REMOVED");
    private static final List<String> DIMENSIONS = List.of("FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL",
            "HOUSING", "DRINKING_WATER", "INCOME");
    private static final List<String> CHARTS = List.of("status-chart", "exits-chart", "guarantees-chart", "helpers-chart", "villages-chart",
            "cases-chart");
    private static final List<String> CASE_STAGES = List.of("VERIFICATION", "ACKNOWLEDGEMENT", "APPRAISAL", "VILLAGE_NOTICE",
            "TOWNSHIP_REVIEW", "TOWNSHIP_NOTICE", "COUNTY_APPROVAL");
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    // A fresh county code per run, so that a rerun against a kept suite or another test's county never mixes figures.
    private static final String COUNTY = "6" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    private static final String TOWNSHIP_A = COUNTY + "101";
    private static final String TOWNSHIP_B = COUNTY + "102";
    private static final String VILLAGE_A1 = TOWNSHIP_A + "201";
    private static final String VILLAGE_A2 = TOWNSHIP_A + "202";
    private static final String VILLAGE_B1 = TOWNSHIP_B + "201";

    private static Suite suite;
    private static String admin;
    private static String analyst;
    private static Path target;
    private static ChromeDriver browser;

    @BeforeAll
    static void seedACountyAndOpenABrowser() {
        suite = E2eSuite.get();
        target = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize().resolve("e2e-tests/target");
        admin = suite.token("county-admin", COUNTY);
        analyst = suite.token("analyst", COUNTY);
        seed();
        Chromium.ensureInstalled(target.resolve("chromium-install.log"));
        browser = Chromium.start(1400, 2200);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Township A: one poor household failing housing and water, one exited four weeks ago and one
     * marginal (monitored). Township B: one poor household failing medical care and income, one
     * never assessed. A helper for one poor and the exited household, a work team in village A1.
     */
    private static void seed() {
        putRegion(COUNTY, "德陽縣", "COUNTY", null, 5000, false);
        putRegion(TOWNSHIP_A, "東溪鎮", "TOWNSHIP", COUNTY, 3000, false);
        putRegion(TOWNSHIP_B, "西山鄉", "TOWNSHIP", COUNTY, 2000, false);
        putRegion(VILLAGE_A1, "桃園村", "VILLAGE", TOWNSHIP_A, 800, true);
        putRegion(VILLAGE_A2, "柳林村", "VILLAGE", TOWNSHIP_A, 700, false);
        putRegion(VILLAGE_B1, "石門村", "VILLAGE", TOWNSHIP_B, 900, true);

        LocalDate today = LocalDate.now(COUNTY_ZONE);
        String poorA = register(VILLAGE_A1, 3, null, null);
        assess(poorA, today, true, true, true, true, "D", false, 5000);
        String exited = register(VILLAGE_A1, 2, null, today.minusDays(60));
        assess(exited, today.minusDays(40), true, true, true, true, "A", true, 6000);
        CaseDecisions.approve(suite, exited, VILLAGE_A1, "EXIT", today.minusDays(28));
        register(VILLAGE_A2, 2, "MONITORED", null);
        String poorB = register(VILLAGE_B1, 4, null, null);
        assess(poorB, today, true, true, true, false, "B", true, 2000);
        String leftVillage = register(VILLAGE_B1, 1, null, null);
        // A removal (清退) verified three weeks ago and still waiting for the village's appraisal: overdue.
        openRemovalWaitingForAppraisal(leftVillage, today.minusDays(20));

        String unit = created(post("/api/v1/units", Map.of("name", "德陽縣農業農村局", "type", "DEPARTMENT")));
        String helper = created(post("/api/v1/helpers", Map.of("name", "李幫扶", "phone", "13900001111", "unitId", unit, "kind", "CADRE")));
        String leader = created(post("/api/v1/helpers", Map.of("name", "張書記", "phone", "13900002222", "unitId", unit, "kind", "CADRE")));
        // assistance-service learns of households and villages from household.events: retry until its replica has them.
        awaitCreated("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", poorA));
        awaitCreated("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", exited));
        awaitCreated("/api/v1/pairings", Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", VILLAGE_B1));
        awaitCreated("/api/v1/work-teams", Map.of("villageCode", VILLAGE_A1, "leaderId", leader));

        await("the reports count the seeded county").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath overview = report("overview", Map.of("region", COUNTY));
            assertThat(overview.getInt("households.total")).isEqualTo(5);
            assertThat(overview.getInt("households.byStatus.POOR")).isEqualTo(3);
            assertThat(overview.getInt("households.byStatus.EXITED")).isEqualTo(1);
            assertThat(overview.getInt("households.byStatus.MONITORED")).isEqualTo(1);
            assertThat(overview.getInt("currentlyPoor.people")).isEqualTo(8);
            JsonPath guarantees = report("guarantees", Map.of("region", COUNTY));
            assertThat(guarantees.getInt("assessed")).isEqualTo(2);
            JsonPath assistance = report("assistance", Map.of("region", COUNTY));
            assertThat(assistance.getInt("currentlyPoor.withHelper")).isEqualTo(1);
            assertThat(assistance.getInt("exited.withHelper")).isEqualTo(1);
            assertThat(assistance.getInt("villages.withWorkTeam")).isEqualTo(1);
            assertThat(assistance.getInt("villages.poorWithUnitOrGroup")).isEqualTo(1);
            JsonPath cases = report("cases", Map.of("region", COUNTY));
            assertThat(cases.getInt("kinds.find { it.kind == 'EXIT' }.approved")).isEqualTo(1);
            assertThat(cases.getInt("overdue")).isEqualTo(1);
        });
    }

    @Test
    void theDashboardDrawsTheNumbersOfTheReportsApiAndDrillsDownByClicking() throws IOException {
        try {
            browser.get(suite.gatewayUrl() + "/dashboard/#token=" + analyst + "&region=" + COUNTY);
            awaitDashboard(COUNTY);
            // The token was taken into the tab's storage and out of the address bar (and the history).
            assertThat(browser.getCurrentUrl()).doesNotContain("token").endsWith("#region=" + COUNTY);
            assertThat(browser.executeScript("return sessionStorage.getItem('fupin.token')")).isEqualTo(analyst);

            assertTheChartsShowTheReportsOf(COUNTY, List.of(TOWNSHIP_A, TOWNSHIP_B));
            // The seed itself, so that a page and an API that both showed nothing would not pass.
            Map<String, Object> counties = chartData("status-chart");
            assertThat(series(counties, "POOR")).containsExactly(1L, 2L);
            assertThat(series(counties, "EXITED")).containsExactly(1L, 0L);
            assertThat(series(counties, "MONITORED")).containsExactly(1L, 0L);
            assertThat(series(chartData("guarantees-chart"), "failing")).containsExactlyInAnyOrder(0L, 0L, 0L, 1L, 1L, 1L, 1L);
            assertThat(series(chartData("exits-chart"), "exits").stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
            Map<String, Object> pipeline = chartData("cases-chart");
            assertThat(series(pipeline, "APPRAISAL")).containsExactly(0L, 1L);
            assertThat(series(pipeline, "overdue")).containsExactly(0L, 1L);
            assertThat(value("c-overdue")).isEqualTo("1");
            assertThat(browser.findElement(By.cssSelector("#cases-table tr[data-region='" + TOWNSHIP_B + "']")).getAttribute("class"))
                    .contains("overdue");
            assertThat(browser.findElement(By.id("freshness")).getText()).startsWith("Figures include events up to");
            screenshot("dashboard.png");

            clickColumnOf(TOWNSHIP_A);
            awaitDashboard(TOWNSHIP_A);
            assertTheChartsShowTheReportsOf(TOWNSHIP_A, List.of(VILLAGE_A1, VILLAGE_A2));
            assertThat(series(chartData("status-chart"), "POOR")).containsExactly(1L, 0L);
            assertThat(series(chartData("status-chart"), "MONITORED")).containsExactly(0L, 1L);
            assertThat(browser.findElement(By.id("breadcrumb")).getText()).contains("德陽縣", "東溪鎮");
            screenshot("dashboard-township.png");

            browser.findElement(By.cssSelector("#status-table tr[data-region='" + VILLAGE_A1 + "'] td:nth-child(2)")).click();
            awaitDashboard(VILLAGE_A1);
            // A village has no children: the chart shows the village itself, as its overview counts it.
            assertTheChartsShowTheReportsOf(VILLAGE_A1, List.of(VILLAGE_A1));
            assertThat(series(chartData("status-chart"), "EXITED")).containsExactly(1L);
            screenshot("dashboard-village.png");

            browser.findElement(By.cssSelector("#breadcrumb a[data-region='" + COUNTY + "']")).click();
            awaitDashboard(COUNTY);
            new Select(browser.findElement(By.id("interval"))).selectByValue("MONTH");
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(this::pageState).until(b ->
                    rendered() && JsonPath.from(chart("exits-chart").getAttribute("data-query")).getString("interval").equals("MONTH"));
            assertTheExitsChartShowsTheReportOf(COUNTY);
            assertThat(series(chartData("exits-chart"), "exits").stream().mapToLong(Long::longValue).sum()).isEqualTo(1);

            // Two days before the exit was confirmed every report, and so every chart, tells the day's story.
            String before = LocalDate.parse(JsonPath.from(chart("exits-chart").getAttribute("data-query")).getString("asOf"))
                    .minusDays(30).toString();
            browser.executeScript("const input = arguments[0]; input.value = arguments[1];"
                    + " input.dispatchEvent(new Event('change'));", browser.findElement(By.id("as-of")), before);
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(this::pageState).until(b ->
                    rendered() && JsonPath.from(chart("exits-chart").getAttribute("data-query")).getString("asOf").equals(before));
            assertTheChartsShowTheReportsOf(COUNTY, List.of(TOWNSHIP_A, TOWNSHIP_B));
            // The exit's case was under its village notice then: the household was still poor.
            assertThat(series(chartData("status-chart"), "POOR")).containsExactly(1L, 0L);
            assertThat(series(chartData("status-chart"), "EXITED")).containsExactly(0L, 0L);
            assertThat(series(chartData("cases-chart"), "VILLAGE_NOTICE")).containsExactly(1L, 0L);
            assertThat(series(chartData("exits-chart"), "exits").stream().mapToLong(Long::longValue).sum()).isZero();

            // No script error and no Content-Security-Policy violation on the way.
            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(errors).isEmpty();
        } catch (AssertionError | RuntimeException e) {
            screenshot("dashboard-failure.png");
            throw e;
        }
    }

    private void assertTheChartsShowTheReportsOf(String region, List<String> columns) {
        String asOf = JsonPath.from(chart("exits-chart").getAttribute("data-query")).getString("asOf");
        Map<String, String> params = Map.of("region", region, "asOf", asOf);

        JsonPath overview = report("overview", params);
        assertThat(value("poor-households")).isEqualTo(overview.getString("currentlyPoor.households"));
        assertThat(value("poor-people")).isEqualTo(overview.getString("currentlyPoor.people"));
        Object incidence = overview.get("povertyIncidence");
        if (incidence == null) {
            assertThat(value("incidence")).isEmpty();
        } else {
            assertThat(new BigDecimal(value("incidence"))).isEqualByComparingTo(new BigDecimal(incidence.toString()));
        }
        JsonPath villagesCard = JsonPath.from(value("villages-exited"));
        assertThat(villagesCard.getLong("poorExited")).isEqualTo(overview.getLong("villages.poorExited"));
        assertThat(villagesCard.getLong("poor")).isEqualTo(overview.getLong("villages.poor"));
        assertThat(villagesCard.getLong("poorExitDecided")).isEqualTo(overview.getLong("villages.poorExitDecided"));

        // Households by status: the children of the region from /breakdown, or the village itself from /overview.
        JsonPath breakdown = report("breakdown", params);
        List<Map<String, Object>> rows = breakdown.getList("rows");
        Map<String, Object> status = chartData("status-chart");
        assertThat(categories(status)).containsExactlyElementsOf(columns);
        for (String s : STATUSES) {
            List<Long> expected = rows.isEmpty()
                    ? List.of(overview.getLong("households.byStatus." + s))
                    : rows.stream().map(row -> asLong(((Map<?, ?>) ((Map<?, ?>) row.get("households")).get("byStatus")).get(s))).toList();
            assertThat(series(status, s)).as("households %s per region of %s", s, region).containsExactlyElementsOf(expected);
        }
        List<WebElement> tableRows = browser.findElements(By.cssSelector("#status-table tbody tr"));
        assertThat(tableRows).extracting(row -> row.getAttribute("data-region")).containsExactlyElementsOf(columns);

        JsonPath guarantees = report("guarantees", params);
        Map<String, Object> gaps = chartData("guarantees-chart");
        assertThat(categories(gaps)).containsExactlyInAnyOrderElementsOf(DIMENSIONS);
        for (String dimension : DIMENSIONS) {
            assertThat(series(gaps, "failing").get(categories(gaps).indexOf(dimension)))
                    .as("households failing %s in %s", dimension, region).isEqualTo(guarantees.getLong("failing." + dimension));
        }
        assertThat(value("g-current")).isEqualTo(guarantees.getString("currentlyPoorHouseholds"));
        assertThat(value("g-assessed")).isEqualTo(guarantees.getString("assessed"));
        assertThat(value("g-not-assessed")).isEqualTo(guarantees.getString("notAssessed"));
        assertThat(value("g-failing-any")).isEqualTo(guarantees.getString("failingAny"));

        JsonPath assistance = report("assistance", params);
        Map<String, Object> helpers = chartData("helpers-chart");
        assertThat(categories(helpers)).containsExactly("currentlyPoor", "exited");
        assertThat(series(helpers, "withHelper"))
                .containsExactly(assistance.getLong("currentlyPoor.withHelper"), assistance.getLong("exited.withHelper"));
        assertThat(series(helpers, "withoutHelper"))
                .containsExactly(assistance.getLong("currentlyPoor.withoutHelper"), assistance.getLong("exited.withoutHelper"));
        Map<String, Object> teams = chartData("villages-chart");
        assertThat(categories(teams)).containsExactly("all", "poor");
        assertThat(series(teams, "withWorkTeam"))
                .containsExactly(assistance.getLong("villages.withWorkTeam"), assistance.getLong("villages.poorWithWorkTeam"));
        assertThat(series(teams, "withoutWorkTeam")).containsExactly(
                assistance.getLong("villages.total") - assistance.getLong("villages.withWorkTeam"),
                assistance.getLong("villages.poor") - assistance.getLong("villages.poorWithWorkTeam"));
        assertThat(value("a-unit-or-group")).isEqualTo(assistance.getString("villages.poorWithUnitOrGroup"));

        // Cases: open ones by the stage they wait at, per child region (the village itself without children).
        JsonPath cases = report("cases", params);
        List<Map<String, Object>> pipelines = cases.getList("rows");
        Map<String, Object> pipeline = chartData("cases-chart");
        assertThat(categories(pipeline)).containsExactlyElementsOf(columns);
        for (String stage : CASE_STAGES) {
            List<Long> expected = pipelines.isEmpty()
                    ? List.of(cases.getLong("stages.find { it.stage == '" + stage + "' }.waiting"))
                    : pipelines.stream().map(row -> asLong(((Map<?, ?>) row.get("waiting")).get(stage))).toList();
            assertThat(series(pipeline, stage)).as("cases waiting at %s per region of %s", stage, region).containsExactlyElementsOf(expected);
        }
        assertThat(series(pipeline, "overdue")).containsExactlyElementsOf(pipelines.isEmpty() ? List.of(cases.getLong("overdue"))
                : pipelines.stream().map(row -> asLong(row.get("overdue"))).toList());
        assertThat(value("c-overdue")).isEqualTo(cases.getString("overdue"));
        assertThat(value("c-objected")).isEqualTo(cases.getString("objected"));

        assertTheExitsChartShowsTheReportOf(region);
    }

    /** The exits chart against the report for the very range and interval the page asked for. */
    private void assertTheExitsChartShowsTheReportOf(String region) {
        JsonPath query = JsonPath.from(chart("exits-chart").getAttribute("data-query"));
        assertThat(query.getString("region")).isEqualTo(region);
        JsonPath exits = report("exits", Map.of("region", region, "asOf", query.getString("asOf"), "from", query.getString("from"),
                "interval", query.getString("interval")));
        assertThat(exits.getString("to")).isEqualTo(query.getString("to"));
        Map<String, Object> chart = chartData("exits-chart");
        assertThat(categories(chart)).containsExactlyElementsOf(exits.getList("periods.start", String.class));
        for (String field : List.of("exits", "returns", "cumulativeExits")) {
            assertThat(series(chart, field)).as("%s per %s", field, query.getString("interval"))
                    .containsExactlyElementsOf(exits.getList("periods." + field).stream().map(DashboardIT::asLong).toList());
        }
    }

    // --- the page -----------------------------------------------------------------------------

    /** Until every chart has drawn the given region (the page marks each after ECharts' `finished`). */
    private void awaitDashboard(String region) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(this::pageState).until(b -> rendered()
                && CHARTS.stream().allMatch(id -> region.equals(chart(id).getAttribute("data-region"))));
    }

    private boolean rendered() {
        return CHARTS.stream().allMatch(id -> "true".equals(chart(id).getAttribute("data-rendered")));
    }

    private String pageState() {
        StringBuilder state = new StringBuilder("page at ").append(browser.getCurrentUrl())
                .append(", message: ").append(browser.findElement(By.id("message")).getText());
        CHARTS.forEach(id -> state.append(", ").append(id).append(": rendered=").append(chart(id).getAttribute("data-rendered"))
                .append(" region=").append(chart(id).getAttribute("data-region")));
        return state.toString();
    }

    /** A real click on the middle of the region's stacked bar, where ECharts put it. */
    private void clickColumnOf(String code) {
        WebElement chart = chart("status-chart");
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) browser.executeScript("""
                const chart = echarts.getInstanceByDom(arguments[0]);
                const option = chart.getOption();
                const index = option.xAxis[0].data.indexOf(arguments[1]);
                const total = option.series.reduce((sum, s) => sum + s.data[index], 0);
                return chart.convertToPixel({ gridIndex: 0 }, [index, total / 2]);""", chart, code);
        // Selenium's offsets count from the element's centre.
        int x = (int) Math.round(pixel.get(0).doubleValue() - chart.getSize().getWidth() / 2.0);
        int y = (int) Math.round(pixel.get(1).doubleValue() - chart.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(chart, x, y).click().perform();
    }

    private WebElement chart(String id) {
        return browser.findElement(By.id(id));
    }

    private Map<String, Object> chartData(String id) {
        return JsonPath.from(chart(id).getAttribute("data-series")).get();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("data-value");
    }

    private static List<String> categories(Map<String, Object> chart) {
        return ((List<?>) chart.get("categories")).stream().map(String::valueOf).toList();
    }

    private static List<Long> series(Map<String, Object> chart, String id) {
        List<?> data = (List<?>) ((Map<?, ?>) chart.get("series")).get(id);
        assertThat(data).as("series %s of %s", id, chart).isNotNull();
        return data.stream().map(DashboardIT::asLong).toList();
    }

    private static long asLong(Object number) {
        return ((Number) number).longValue();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(target);
        Files.write(target.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    // --- the API ------------------------------------------------------------------------------

    private static JsonPath report(String name, Map<String, String> params) {
        String body = given().auth().oauth2(analyst).accept(ContentType.JSON).queryParams(params)
                .get("/api/v1/reports/" + name).then().statusCode(200).extract().asString();
        return JsonPath.from(body).using(DECIMALS);
    }

    private static void putRegion(String code, String name, String level, String parent, int population, boolean poorVillage) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        body.put("ruralPopulation", population);
        body.put("poorVillage", poorVillage);
        body.put("deepPoverty", false);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/v1/regions/" + code).then().statusCode(201);
    }

    private static void openRemovalWaitingForAppraisal(String household, LocalDate on) {
        String caseId = created(given().auth().oauth2(suite.token("assistance-officer", VILLAGE_B1)).contentType(ContentType.JSON)
                .body(Map.of("householdId", household, "kind", "REMOVE", "proposedOn", on.toString(), "reason", "全家迁出"))
                .post("/api/v1/cases"));
        String etag = given().auth().oauth2(admin).get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(suite.token("village-cadre", VILLAGE_B1)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("visitedOn", on.toString(), "findings", "入户核实：全家已迁出", "agrees", true))
                .post("/api/v1/cases/" + caseId + "/verification").then().statusCode(200);
    }

    private static String register(String village, int members, String initialStatus, LocalDate registeredOn) {
        Map<String, Object> household = Households.household(village, members);
        if (initialStatus != null) {
            household.put("initialStatus", initialStatus);
        }
        if (registeredOn != null) {
            household.put("registeredOn", registeredOn.toString());
        }
        return created(post("/api/v1/households", household));
    }

    private static void assess(String household, LocalDate on, boolean food, boolean clothing, boolean education,
            boolean medical, String housing, boolean water, int income) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", on.toString());
        body.put("food", food);
        body.put("clothing", clothing);
        body.put("compulsoryEducation", education);
        body.put("basicMedical", medical);
        body.put("housingSafetyGrade", housing);
        body.put("drinkingWater", water);
        body.put("annualIncomePerCapita", income);
        post("/api/v1/households/" + household + "/assessments", body).then().statusCode(201);
    }

    private static void awaitCreated(String path, Map<String, Object> body) {
        await(path).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Response response = post(path, body);
            assertThat(response.statusCode()).as("POST %s: %s", path, response.asString()).isEqualTo(201);
        });
    }

    private static Response post(String path, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(path);
    }

    private static String created(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }
}
