package org.fupin.assistance.ledger;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.assistance.Fixtures;
import org.fupin.events.CloudEvent;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/** The assistance ledger through the API: exact money, targets, providers, status, confirmation, totals, scope. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class MeasureApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** Reads JSON numbers as BigDecimal, so that money is compared exactly. */
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private final String admin = Fixtures.ADMIN;

    @Test
    void recordsAHouseholdMeasureInItsVillageAndPublishesItWithoutTheDescription() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String unit = Fixtures.unit();

        String id = given().config(EXACT).auth().oauth2(TestTokens.token("village-cadre", village)).contentType(ContentType.JSON)
                .body(householdMeasure(household, "UNIT", unit, "3000.5"))
                .post("/api/v1/measures")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("villageCode", equalTo(village)).body("amount", equalTo(new BigDecimal("3000.50")))
                .body("status", equalTo("IN_PROGRESS")).body("provider.kind", equalTo("UNIT"))
                .body("confirmedOn", nullValue())
                .extract().path("id");

        CloudEvent recorded = Fixtures.events(id, 1).get(0);
        assertThat(recorded.type()).isEqualTo("measure.recorded");
        assertThat(recorded.data().get("amount").decimalValue()).isEqualByComparingTo("3000.50");
        assertThat(recorded.data().get("provider").get("id").asText()).isEqualTo(unit);
        assertThat(recorded.toString()).doesNotContain("茶苗");

        String planned = post(villageMeasure(village, "GROUP", Fixtures.group(), "0", "PLANNED",
                CountyCalendar.today().plusMonths(2))).then().statusCode(201).body("householdId", nullValue()).extract().path("id");
        assertThat(Fixtures.events(planned, 1).get(0).data().get("householdId").isNull()).isTrue();
    }

    @Test
    void refusesMeasuresWithoutOneTargetExactMoneyOrAKnownProviderAndStoresNone() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        UUID removed = Fixtures.household(village);
        Fixtures.changeStatus(removed, village, "POOR", "REMOVED", "REMOVE");
        Map<String, Object> both = householdMeasure(household, "HELPER", helper, "10");
        both.put("villageCode", village);
        Map<String, Object> neither = householdMeasure(household, "HELPER", helper, "10");
        neither.remove("householdId");
        Map<String, Object> future = householdMeasure(household, "HELPER", helper, "10");
        future.put("startedOn", CountyCalendar.today().plusDays(1).toString());
        Map<String, Object> badType = householdMeasure(household, "HELPER", helper, "10");
        badType.put("type", "LOTTERY");

        // Each refusal on its own: one that fails does not hide the others.
        assertAll(
                () -> post(both).then().statusCode(400).body("errors.field", contains("villageCode"))
                        .body("errors.code", contains("exactly-one")),
                () -> post(neither).then().statusCode(400).body("errors.code", contains("exactly-one")),
                () -> post(householdMeasure(household, "HELPER", helper, "-1")).then().statusCode(400)
                        .body("errors.field", contains("amount")).body("errors.code", contains("range")),
                () -> post(householdMeasure(household, "HELPER", helper, "10.005")).then().statusCode(400)
                        .body("errors.code", contains("precision")),
                () -> post(future).then().statusCode(400).body("errors.code", contains("date-in-future")),
                () -> post(badType).then().statusCode(400).body("code", equalTo("invalid-value")),
                () -> post(householdMeasure(UUID.randomUUID(), "HELPER", helper, "10")).then().statusCode(422)
                        .body("code", equalTo("unknown-household")).body("detail", containsString("may not have arrived yet")),
                () -> post(villageMeasure(village.substring(0, 9) + "999", "HELPER", helper, "10", "COMPLETED", CountyCalendar.today()))
                        .then().statusCode(422).body("code", equalTo("unknown-village")),
                () -> post(householdMeasure(household, "HELPER", UUID.randomUUID().toString(), "10")).then().statusCode(422)
                        .body("code", equalTo("unknown-helper")).body("errors.field", contains("provider.id")),
                () -> post(householdMeasure(household, "UNIT", UUID.randomUUID().toString(), "10")).then().statusCode(422)
                        .body("code", equalTo("unknown-unit")),
                () -> post(householdMeasure(household, "GROUP", UUID.randomUUID().toString(), "10")).then().statusCode(422)
                        .body("code", equalTo("unknown-group")),
                () -> post(householdMeasure(removed, "HELPER", helper, "10")).then().statusCode(422)
                        .body("code", equalTo("household-removed")));

        given().auth().oauth2(admin).get("/api/v1/measures?region=" + village).then().body("items", empty());
    }

    @Test
    void changesAMeasureForwardOnlyWithIfMatch() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        Map<String, Object> body = householdMeasure(household, "HELPER", Fixtures.helper(5), "1200");
        body.put("status", "PLANNED");
        String id = post(body).then().statusCode(201).extract().path("id");

        given().auth().oauth2(admin).contentType(MERGE_PATCH).body(Map.of("status", "COMPLETED"))
                .patch("/api/v1/measures/" + id).then().statusCode(428);
        patch(id, Map.of("status", "IN_PROGRESS", "amount", 1250.75)).then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("IN_PROGRESS")).body("amount", equalTo(1250.75f));
        patch(id, Map.of("status", "PLANNED")).then().statusCode(409).body("code", equalTo("illegal-status-change"));
        patch(id, Map.of("type", "HEALTH")).then().statusCode(400).body("code", equalTo("unknown-field"));
        patch(id, Map.of("status", "DONE")).then().statusCode(400).body("code", equalTo("invalid-value"));
        patch(id, Map.of("amount", -5)).then().statusCode(400).body("errors.code", contains("range"));
        patch(id, Map.of("status", "COMPLETED", "description", "已發放")).then().statusCode(200);

        List<CloudEvent> events = Fixtures.events(id, 3);
        assertThat(events).extracting(CloudEvent::type).containsExactly("measure.recorded", "measure.updated", "measure.updated");
        assertThat(events.get(1).data().get("changedFields").toString()).isEqualTo("[\"status\",\"amount\"]");
        assertThat(events.get(2).data().get("changedFields").toString()).isEqualTo("[\"status\",\"description\"]");
        assertThat(events.get(2).toString()).doesNotContain("已發放");
    }

    @Test
    void refusesTextHoldingANulCharacterInsteadOfFailingToStoreIt() {
        String village = Fixtures.village();
        String id = post(householdMeasure(Fixtures.household(village), "HELPER", Fixtures.helper(5), "1200"))
                .then().statusCode(201).extract().path("id");
        String etag = Fixtures.etag("/api/v1/measures/" + id);

        patch(id, Map.of("description", "已\u0000發放")).then().statusCode(400)
                .body("code", equalTo("invalid-value")).body("errors[0].field", equalTo("description"));
        Map<String, Object> body = householdMeasure(Fixtures.household(village), "HELPER", Fixtures.helper(5), "1200");
        body.put("description", "\u0000");
        post(body).then().statusCode(400).body("code", equalTo("invalid-value")).body("errors[0].field", equalTo("description"));
        given().auth().oauth2(admin).get("/api/v1/measures/" + id).then().statusCode(200).header("ETag", etag);
    }

    @Test
    void aHouseholdConfirmsAStartedMeasureOnceAndTheAmountIsThenFixed() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        Map<String, Object> plannedBody = householdMeasure(household, "HELPER", helper, "800");
        plannedBody.put("status", "PLANNED");
        String planned = post(plannedBody).then().statusCode(201).extract().path("id");
        String forVillage = post(villageMeasure(village, "HELPER", helper, "5000", "COMPLETED", CountyCalendar.today()))
                .then().statusCode(201).extract().path("id");
        String delivered = post(householdMeasure(household, "HELPER", helper, "800")).then().statusCode(201).extract().path("id");

        confirm(planned, Map.of()).then().statusCode(422).body("code", equalTo("measure-not-started"));
        confirm(forVillage, Map.of()).then().statusCode(422).body("code", equalTo("not-a-household-measure"));
        confirm(delivered, Map.of("confirmedOn", CountyCalendar.today().plusDays(1).toString())).then().statusCode(400)
                .body("errors.code", contains("date-in-future"));
        confirm(delivered, Map.of("confirmedOn", "2000-01-01")).then().statusCode(400)
                .body("errors.code", contains("confirmed-before-start"));
        confirm(delivered, Map.of()).then().statusCode(201).body("confirmedOn", equalTo(CountyCalendar.today().toString()));
        confirm(delivered, Map.of()).then().statusCode(409).body("code", equalTo("already-confirmed"));
        patch(delivered, Map.of("amount", 900)).then().statusCode(422).body("code", equalTo("amount-confirmed"));
        patch(delivered, Map.of("status", "COMPLETED")).then().statusCode(200);

        CloudEvent confirmed = Fixtures.events(delivered, 2).get(1);
        assertThat(confirmed.type()).isEqualTo("measure.confirmed");
        assertThat(confirmed.data().get("confirmedOn").asText()).isEqualTo(CountyCalendar.today().toString());
        given().auth().oauth2(admin).get("/api/v1/measures?householdId=" + household + "&confirmed=true")
                .then().body("items.id", contains(delivered));
    }

    @Test
    void sumsMeasuresByTypeExactly() {
        Fixtures.Township township = Fixtures.township(2);
        String helper = Fixtures.helper(5);
        for (String amount : List.of("0.10", "0.20", "1000.05")) {
            post(villageMeasure(township.village(), "HELPER", helper, amount, "COMPLETED", CountyCalendar.today())).then().statusCode(201);
        }
        Map<String, Object> education = villageMeasure(township.villages().get(1), "HELPER", helper, "99.99", "COMPLETED",
                CountyCalendar.today());
        education.put("type", "EDUCATION");
        post(education).then().statusCode(201);

        given().config(EXACT).auth().oauth2(admin).get("/api/v1/measures/totals?groupBy=type&region=" + township.code())
                .then().statusCode(200)
                .body("region", equalTo(township.code()))
                .body("totals.type", contains("EDUCATION", "INDUSTRY"))
                .body("totals.count", contains(1, 3))
                .body("totals.amount", contains(new BigDecimal("99.99"), new BigDecimal("1000.35")))
                .body("count", equalTo(4))
                .body("amount", equalTo(new BigDecimal("1100.34")));
        given().config(EXACT).auth().oauth2(TestTokens.token("village-cadre", township.villages().get(1)))
                .get("/api/v1/measures/totals?region=" + township.code())
                .then().statusCode(200).body("totals.type", contains("EDUCATION")).body("amount", equalTo(new BigDecimal("99.99")));
        given().auth().oauth2(admin).get("/api/v1/measures/totals?groupBy=helper").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
    }

    @Test
    void listsMeasuresOfTheCallersRegionByPagesAndAsCsv() {
        Fixtures.Township township = Fixtures.township(1);
        Fixtures.Township other = Fixtures.township(1);
        String helper = Fixtures.helper(5);
        List<String> ids = new ArrayList<>();
        for (String amount : List.of("1", "2", "3")) {
            ids.add(post(villageMeasure(township.village(), "HELPER", helper, amount, "COMPLETED", CountyCalendar.today()))
                    .then().statusCode(201).extract().path("id"));
        }
        String theirs = post(villageMeasure(other.village(), "HELPER", helper, "9", "COMPLETED", CountyCalendar.today()))
                .then().statusCode(201).extract().path("id");

        String cursor = given().auth().oauth2(admin).get("/api/v1/measures?region=" + township.code() + "&limit=2")
                .then().body("items.id", contains(ids.get(0), ids.get(1))).extract().path("nextCursor");
        given().auth().oauth2(admin).get("/api/v1/measures?region=" + township.code() + "&limit=2&cursor=" + cursor)
                .then().body("items.id", contains(ids.get(2)));
        given().auth().oauth2(admin).get("/api/v1/measures?providerKind=HELPER&providerId=" + helper + "&type=INDUSTRY")
                .then().body("items.id", hasItem(theirs));

        String officer = TestTokens.token("township-officer", township.code());
        given().auth().oauth2(officer).get("/api/v1/measures/" + theirs).then().statusCode(404);
        given().auth().oauth2(officer).get("/api/v1/measures?providerId=" + helper).then().body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(officer).get("/api/v1/measures?region=" + other.code()).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.token("assistance-officer", other.code())).get("/api/v1/measures/" + ids.get(0))
                .then().statusCode(404);
        given().auth().oauth2(officer).contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("status", "COMPLETED"))
                .patch("/api/v1/measures/" + theirs).then().statusCode(404);

        String csv = given().auth().oauth2(officer).accept("text/csv").get("/api/v1/measures")
                .then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv)
                .startsWith("id,type,householdId,villageCode,providerKind,providerId,amount,startedOn,status,confirmedOn,description")
                .contains(ids.get(0) + ",INDUSTRY,," + township.village() + ",HELPER," + helper + ",1.00,")
                .doesNotContain(theirs);
    }

    @Test
    void keepsRolesToTheirWork() {
        String village = Fixtures.village();
        for (String role : List.of("integrator", "auditor", "analyst")) {
            given().auth().oauth2(TestTokens.token(role)).contentType(ContentType.JSON)
                    .body(villageMeasure(village, "HELPER", UUID.randomUUID().toString(), "1", "COMPLETED", CountyCalendar.today()))
                    .post("/api/v1/measures").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/measures/totals").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("auditor")).get("/api/v1/measures/totals").then().statusCode(200);
    }

    private Response post(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/measures");
    }

    private Response patch(String id, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(MERGE_PATCH).header("If-Match", Fixtures.etag("/api/v1/measures/" + id))
                .body(body).patch("/api/v1/measures/" + id);
    }

    private Response confirm(String id, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/measures/" + id + "/confirmations");
    }

    private static Map<String, Object> householdMeasure(UUID household, String providerKind, String provider, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INDUSTRY");
        body.put("householdId", household.toString());
        body.put("provider", Map.of("kind", providerKind, "id", provider));
        body.put("amount", new BigDecimal(amount));
        body.put("startedOn", CountyCalendar.today().minusDays(5).toString());
        body.put("status", "IN_PROGRESS");
        body.put("description", "茶苗 500 株");
        return body;
    }

    private static Map<String, Object> villageMeasure(String village, String providerKind, String provider, String amount,
            String status, LocalDate startedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INDUSTRY");
        body.put("villageCode", village);
        body.put("provider", Map.of("kind", providerKind, "id", provider));
        body.put("amount", new BigDecimal(amount));
        body.put("startedOn", startedOn.toString());
        body.put("status", status);
        return body;
    }
}
