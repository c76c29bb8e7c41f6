package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The privacy policy through the gateway, as integrators and apps meet it: every row of the shipped policy file reads
 * one household in JSON and CSV and sees each personal field as the row says; searches by a field a row does not see
 * in full are refused; every read lands in the access log, which the auditor queries and exports.
 */
class PersonalDataIT {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = "500235131";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final List<String> FIELDS = List.of("name", "idNumber", "phone", "address", "birthDate", "health", "disability",
            "mentalIllness");

    private static Suite suite;
    private static String household;
    private static String householdNo;
    private static Map<String, Object> head;

    /** One row of the policy file: role, purpose (or null), and full/masked/omitted per field in {@link #FIELDS} order. */
    record Row(String role, String purpose, List<String> disclosures) {
        String of(String field) {
            return disclosures.get(FIELDS.indexOf(field));
        }

        String token() {
            String region = switch (role) {
                case "village-cadre" -> VILLAGE;
                case "township-officer", "assistance-officer" -> TOWNSHIP;
                default -> COUNTY;
            };
            return suite.token(role, region, purpose);
        }

        @Override
        public String toString() {
            return purpose == null ? role : role + "/" + purpose;
        }
    }

    @BeforeAll
    static void aHouseholdWithEveryKindOfPersonalData() {
        suite = E2eSuite.get();
        String admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "隐私镇", "TOWNSHIP", COUNTY, 800);
        SuiteSliceIT.putRegion(admin, VILLAGE, "隐私村", "VILLAGE", TOWNSHIP, 400);
        Map<String, Object> body = Households.household(VILLAGE, 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) body.get("members")).get(0);
        first.put("health", "CHRONIC_ILLNESS");
        first.put("disabilityGrade", 3);
        first.put("severeMentalIllness", true);
        head = first;
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/households")
                .then().statusCode(201).extract();
        household = created.path("id");
        householdNo = created.path("householdNo");
    }

    private static List<Row> policy() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(Path.of("..", "platform", "src", "main", "resources", "fupin", "privacy-policy.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            if (header) {
                assertThat(List.of(cells).subList(1, cells.length)).as("the policy's columns").isEqualTo(FIELDS);
                header = false;
                continue;
            }
            String[] key = cells[0].split("/");
            rows.add(new Row(key[0], key.length > 1 ? key[1] : null, List.of(cells).subList(1, cells.length)));
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        return rows;
    }

    /** The stored value as a row of the policy shows it (the masked forms of the README's "Personal data"). */
    private static Object expected(Row row, String field) {
        String idNumber = (String) head.get("idNumber");
        String disclosure = row.of(field);
        if (disclosure.equals("omitted")) {
            return null;
        }
        boolean full = disclosure.equals("full");
        return switch (field) {
            case "name" -> full ? head.get("name") : "王*国";
            case "idNumber" -> full ? idNumber : idNumber.substring(0, 6) + "********" + idNumber.substring(14);
            case "phone" -> full ? "13900139000" : "139****9000";
            case "address" -> full ? "桂林村一组" : "桂林****";
            case "birthDate" -> full ? idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14)
                    : Integer.valueOf(idNumber.substring(6, 10));
            case "health" -> "CHRONIC_ILLNESS";
            case "disability" -> 3;
            case "mentalIllness" -> true;
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Test
    void everyRowOfThePolicySeesEachFieldAsItSaysInJsonAndCsvAndEveryReadIsLogged() throws IOException {
        List<Row> rows = policy();
        for (Row row : rows) {
            String token = row.token();
            JsonPath json = given().auth().oauth2(token).header("X-Request-Id", "privacy-" + row.role() + "-" + row.purpose())
                    .get("/api/v1/households/" + household).then().statusCode(200).extract().jsonPath();
            Map<String, Object> member = json.getMap("members.find { it.relation == 'HEAD' }");
            Map<String, Object> shown = new java.util.HashMap<>();
            shown.put("name", member.get("name"));
            shown.put("idNumber", member.get("idNumber"));
            shown.put("phone", json.get("phone"));
            shown.put("address", json.get("address"));
            shown.put("birthDate", member.containsKey("birthDate") ? member.get("birthDate") : member.get("birthYear"));
            shown.put("health", member.get("health"));
            shown.put("disability", member.get("disabilityGrade"));
            shown.put("mentalIllness", member.get("severeMentalIllness"));
            for (String field : FIELDS) {
                assertThat(shown.get(field)).as(row + " reading " + field).isEqualTo(expected(row, field));
                assertThat(json.getList("omitted").contains(field)).as(row + " lists " + field + " as omitted")
                        .isEqualTo(row.of(field).equals("omitted"));
            }

            List<String> csv = given().auth().oauth2(token).accept("text/csv").queryParam("q", householdNo).get("/api/v1/households")
                    .then().statusCode(200).extract().asString().lines().toList();
            List<String> header = List.of(csv.get(0).split(","));
            List<String> line = List.of(csv.get(1).split(",", -1));
            assertThat(line.get(header.indexOf("headName"))).as(row + " in CSV").isEqualTo(orEmpty(expected(row, "name")));
            assertThat(line.get(header.indexOf("headIdNumber"))).as(row + " in CSV").isEqualTo(orEmpty(expected(row, "idNumber")));

            for (String field : List.of("idNumber", "name")) {
                var search = given().auth().oauth2(token).queryParam("q", head.get(field))
                        .queryParam("region", VILLAGE).get("/api/v1/households").then();
                if (row.of(field).equals("full")) {
                    search.statusCode(200).body("items.householdNo", org.hamcrest.Matchers.hasItem(householdNo));
                } else {
                    search.statusCode(403).contentType("application/problem+json").body("code", equalTo("search-not-permitted"));
                }
            }
        }

        // The auditor finds each reader's single read (by its request id) and each export in the log, by household.
        JsonPath log = given().auth().oauth2(suite.token("auditor", COUNTY)).queryParam("household", household).queryParam("limit", 500)
                .get("/api/v1/access-log").then().statusCode(200).extract().jsonPath();
        List<String> requestIds = log.getList("items.findAll { it.kind == 'RECORD' }.requestId");
        for (Row row : rows) {
            assertThat(requestIds).as("the single read of " + row).contains("privacy-" + row.role() + "-" + row.purpose());
        }
        assertThat(log.getList("items.findAll { it.kind == 'EXPORT' }.policy", String.class))
                .containsAll(rows.stream().map(Row::toString).toList());
        assertThat(log.getList("items.findAll { it.policy == 'integrator/social-assistance' }.purpose", String.class))
                .containsOnly("social-assistance");
        String export = given().auth().oauth2(suite.token("auditor", COUNTY)).accept("text/csv").queryParam("household", household)
                .get("/api/v1/access-log").then().statusCode(200).extract().asString();
        assertThat(export).contains("privacy-auditor-null", household).doesNotContain((String) head.get("name"), (String) head.get("idNumber"));
    }

    @Test
    void anIntegratorWithoutAGrantedPurposeIsRefusedEveryPersonalRecord() {
        given().auth().oauth2(suite.token("integrator", COUNTY, "marketing")).get("/api/v1/households/" + household)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("purpose-not-granted"));
        given().auth().oauth2(suite.token("integrator", COUNTY, "marketing")).get("/api/v1/households")
                .then().statusCode(403).body("code", equalTo("purpose-not-granted"));
    }

    @Test
    void aVillagesSmallCountsOfDisabilityAndMentalIllnessAreWithheldFromTheAnalystAndItsTotalsGiveNoneBack() throws Exception {
        String admin = suite.token("county-admin", COUNTY);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonPath full;
        do {
            Thread.sleep(200);
            full = given().auth().oauth2(admin).queryParam("region", VILLAGE).get("/api/v1/reports/special-groups")
                    .then().statusCode(200).extract().jsonPath();
        } while (full.getInt("currentlyPoor.people") < 2 && System.nanoTime() < deadline);
        // The county admin sees the village's one disabled (grade 3) and one severely mentally ill person.
        assertThat(full.getInt("currentlyPoor.severeMentalIllness")).isEqualTo(1);
        assertThat(full.getInt("currentlyPoor.disabledByGrade.3")).isEqualTo(1);

        JsonPath withheld = given().auth().oauth2(suite.token("analyst", COUNTY)).queryParam("region", VILLAGE)
                .get("/api/v1/reports/special-groups").then().statusCode(200).extract().jsonPath();
        assertThat(withheld.getInt("currentlyPoor.people")).isEqualTo(full.getInt("currentlyPoor.people"));
        assertThat((Object) withheld.get("currentlyPoor.severeMentalIllness")).isNull();
        assertThat((Object) withheld.get("currentlyPoor.disabledByGrade.3")).isNull();
        // The grade would be the total minus the other grades (all 0): the total is withheld as well.
        assertThat((Object) withheld.get("currentlyPoor.disabled")).isNull();
        assertThat(withheld.getList("currentlyPoor.suppressed")).containsExactlyInAnyOrder("disabledGrade3", "disabled",
                "severeMentalIllness");
        String csv = given().auth().oauth2(suite.token("analyst", COUNTY)).accept("text/csv").queryParam("region", VILLAGE)
                .get("/api/v1/reports/special-groups").then().statusCode(200).extract().asString();
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).endsWith(",currentlyPoor,severeMentalIllness,"))
                .noneSatisfy(line -> assertThat(line).endsWith(",currentlyPoor,severeMentalIllness,1"));
    }

    @Test
    void aFigureThatTheTownshipMinusItWouldGiveASmallOneBackIsWithheldToo() throws Exception {
        // A second village of the township with six severely mentally ill people: no small count, but the township's
        // figure minus it would be the first village's one.
        String admin = suite.token("county-admin", COUNTY);
        String second = TOWNSHIP + "202";
        SuiteSliceIT.putRegion(admin, second, "隐私二村", "VILLAGE", TOWNSHIP, 400);
        Map<String, Object> body = Households.household(second, 6);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) body.get("members");
        members.forEach(member -> {
            member.put("health", "CHRONIC_ILLNESS");
            member.put("severeMentalIllness", true);
        });
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/households").then().statusCode(201);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonPath township;
        do {
            Thread.sleep(200);
            township = given().auth().oauth2(admin).queryParam("region", TOWNSHIP).get("/api/v1/reports/special-groups")
                    .then().statusCode(200).extract().jsonPath();
        } while (township.getInt("currentlyPoor.severeMentalIllness") < 7 && System.nanoTime() < deadline);
        assertThat(township.getInt("currentlyPoor.severeMentalIllness")).isEqualTo(7);

        String analyst = suite.token("analyst", COUNTY);
        Map<String, Object> shown = new java.util.HashMap<>();
        for (String region : List.of(TOWNSHIP, VILLAGE, second)) {
            shown.put(region, given().auth().oauth2(analyst).queryParam("region", region).get("/api/v1/reports/special-groups")
                    .then().statusCode(200).extract().path("currentlyPoor.severeMentalIllness"));
        }
        // The township's 7 is shown; neither village is, so no subtraction gives the one back.
        assertThat(shown.get(TOWNSHIP)).isEqualTo(7);
        assertThat(shown.get(VILLAGE)).isNull();
        assertThat(shown.get(second)).isNull();
        given().auth().oauth2(admin).queryParam("region", second).get("/api/v1/reports/special-groups").then()
                .body("currentlyPoor.severeMentalIllness", equalTo(6));
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
