package org.fupin.assistance.pairing;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Pairings through the API: every rule of PairingPolicy with its code, the events, roles and region scope. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class PairingApiTest {

    private final String admin = Fixtures.ADMIN;

    @Test
    void pairsAHelperWithAHouseholdAndPublishesPairingStarted() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);

        String pairing = given().auth().oauth2(TestTokens.token("village-cadre", village)).contentType(ContentType.JSON)
                .body(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", household.toString(),
                        "startDate", "2019-07-10"))
                .post("/api/v1/pairings")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("villageCode", equalTo(village)).body("active", equalTo(true)).body("endDate", nullValue())
                .extract().path("id");
        given().auth().oauth2(admin).get("/api/v1/helpers/" + helper).then().body("activeHouseholds", equalTo(1));

        CloudEvent started = Fixtures.events(pairing, 1).get(0);
        assertThat(started.type()).isEqualTo("pairing.started");
        assertThat(started.data().get("householdId").asText()).isEqualTo(household.toString());
        assertThat(started.data().get("villageCode").asText()).isEqualTo(village);
        assertThat(started.data().get("startDate").asText()).isEqualTo("2019-07-10");
    }

    @Test
    void aHouseholdHasOneHelperAndAHelperNoMoreThanTheirCapacity() {
        String village = Fixtures.village();
        List<UUID> households = Fixtures.households(village, 2);
        String helper = Fixtures.helper(1);
        Fixtures.pair(helper, households.get(0));

        helperPairing(Fixtures.helper(5), households.get(0))
                .then().statusCode(409).body("code", equalTo("household-already-paired"));
        helperPairing(helper, households.get(1))
                .then().statusCode(422).body("code", equalTo("helper-capacity-exceeded"))
                .body("detail", containsString("1 of at most 1"));
        given().auth().oauth2(admin).get("/api/v1/pairings?householdId=" + households.get(1))
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void anUnknownHouseholdMayNotHaveArrivedYetAndARemovedOneIsNotPaired() {
        String village = Fixtures.village();
        String helper = Fixtures.helper(5);
        UUID unknown = UUID.randomUUID();
        helperPairing(helper, unknown)
                .then().statusCode(422).body("code", equalTo("unknown-household"))
                .body("detail", containsString("may not have arrived yet"))
                .body("errors.field", contains("householdId"));
        given().auth().oauth2(admin).header("Accept-Language", "zh-Hans").contentType(ContentType.JSON)
                .body(pairingBody(helper, unknown)).post("/api/v1/pairings")
                .then().statusCode(422).body("title", equalTo("未知的户")).body("detail", containsString("稍后重试"));

        UUID removed = Fixtures.household(village);
        Fixtures.changeStatus(removed, village, "POOR", "REMOVED", "REMOVE");
        helperPairing(helper, removed).then().statusCode(422).body("code", equalTo("household-removed"));
    }

    @Test
    void refusesPairingsThatDoNotNameThePartiesOfTheirKind() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        String unit = Fixtures.unit();

        Map<String, Object> body = pairingBody(helper, household);
        body.put("unitId", unit);
        post(body).then().statusCode(400).body("errors.field", contains("unitId")).body("errors.code", contains("not-applicable"));
        body = pairingBody(helper, household);
        body.remove("helperId");
        post(body).then().statusCode(400).body("errors.field", contains("helperId")).body("errors.code", contains("required"));
        body = pairingBody(helper, household);
        body.put("startDate", CountyCalendar.today().plusDays(3).toString());
        post(body).then().statusCode(400).body("errors.code", contains("date-in-future"));
        body = pairingBody(helper, household);
        body.put("kind", "FRIENDSHIP");
        post(body).then().statusCode(400).body("code", equalTo("invalid-value")).body("errors.field", contains("kind"));
        post(pairingBody(UUID.randomUUID().toString(), household))
                .then().statusCode(422).body("code", equalTo("unknown-helper"));
    }

    @Test
    void pairsUnitsAndGroupsWithVillagesOnceAtATime() {
        Fixtures.Township township = Fixtures.township(2);
        String unit = Fixtures.unit();
        String group = Fixtures.group();

        String unitPairing = post(Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", township.village()))
                .then().statusCode(201).body("unitId", equalTo(unit)).body("householdId", nullValue()).extract().path("id");
        post(Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", township.village()))
                .then().statusCode(409).body("code", equalTo("already-paired"));
        post(Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", township.villages().get(1))).then().statusCode(201);
        post(Map.of("kind", "GROUP_VILLAGE", "groupId", group, "villageCode", township.village())).then().statusCode(201);
        post(Map.of("kind", "GROUP_VILLAGE", "groupId", group, "villageCode", township.village()))
                .then().statusCode(409).body("code", equalTo("already-paired"));
        post(Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", township.code() + "999"))
                .then().statusCode(422).body("code", equalTo("unknown-village"));
        post(Map.of("kind", "UNIT_VILLAGE", "unitId", UUID.randomUUID().toString(), "villageCode", township.village()))
                .then().statusCode(422).body("code", equalTo("unknown-unit"));
        post(Map.of("kind", "GROUP_VILLAGE", "groupId", UUID.randomUUID().toString(), "villageCode", township.village()))
                .then().statusCode(422).body("code", equalTo("unknown-group"));

        end(unitPairing, Map.of("reason", "OTHER", "replacementHelperId", Fixtures.helper(5)))
                .then().statusCode(400).body("errors.code", contains("not-applicable"));
        end(unitPairing, Map.of("reason", "OTHER")).then().statusCode(200).body("endReason", equalTo("OTHER"));
        assertThat(Fixtures.events(unitPairing, 2)).extracting(CloudEvent::type).containsExactly("pairing.started", "pairing.ended");
        post(Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", township.village())).then().statusCode(201);
    }

    /** A poor household paired with a helper (capacity 5) 30 days ago. */
    private record Paired(String village, UUID household, String helper, String pairing) {
    }

    private Paired paired() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        return new Paired(village, household, helper, Fixtures.pair(helper, household, CountyCalendar.today().minusDays(30)));
    }

    @Test
    void endingAPairingNeedsIfMatchWithItsCurrentVersion() {
        Paired paired = paired();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "HELPER_LEFT"))
                .post("/api/v1/pairings/" + paired.pairing() + "/end")
                .then().statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("reason", "HELPER_LEFT"))
                .post("/api/v1/pairings/" + paired.pairing() + "/end")
                .then().statusCode(412);
    }

    @Test
    void helperPairingOfAPoorHouseholdEndsOnlyWithAReplacement() {
        Paired paired = paired();

        end(paired.pairing(), Map.of("reason", "HELPER_LEFT")).then().statusCode(422).body("code", equalTo("pairing-required"));
    }

    @Test
    void exitDoesNotEndHelp() {
        Paired paired = paired();
        Fixtures.changeStatus(paired.household(), paired.village(), "POOR", "EXITED", "CONFIRM_EXIT");

        end(paired.pairing(), Map.of("reason", "HELPER_LEFT")).then().statusCode(422).body("code", equalTo("pairing-required"))
                .body("detail", containsString("脫貧不脫鉤"));
    }

    @Test
    void replacementIsAnotherHelperWithRoomFromADayAfterTheStart() {
        Paired paired = paired();
        String full = Fixtures.helper(1);
        Fixtures.pair(full, Fixtures.household(paired.village()));

        end(paired.pairing(), Map.of("replacementHelperId", paired.helper())).then().statusCode(422)
                .body("code", equalTo("replacement-is-current-helper"));
        end(paired.pairing(), Map.of("replacementHelperId", Fixtures.helper(5), "endDate", CountyCalendar.today().minusDays(31).toString()))
                .then().statusCode(400).body("errors.code", contains("end-before-start"));
        end(paired.pairing(), Map.of("replacementHelperId", full)).then().statusCode(422)
                .body("code", equalTo("helper-capacity-exceeded"));
        given().auth().oauth2(admin).get("/api/v1/pairings/" + paired.pairing())
                .then().body("active", equalTo(true)).body("endReason", nullValue());
    }

    @Test
    void replacementEndsTheOldPairingAndStartsTheNewOneInOneStep() {
        Paired paired = paired();
        String successor = Fixtures.helper(5);

        String replacement = end(paired.pairing(), Map.of("replacementHelperId", successor))
                .then().statusCode(200)
                .body("active", equalTo(false)).body("endReason", equalTo("REPLACED"))
                .body("endDate", equalTo(CountyCalendar.today().toString()))
                .extract().path("replacementPairingId");

        given().auth().oauth2(admin).get("/api/v1/pairings/" + replacement)
                .then().statusCode(200).body("helperId", equalTo(successor)).body("replacesPairingId", equalTo(paired.pairing()))
                .body("active", equalTo(true)).body("startDate", equalTo(CountyCalendar.today().toString()));
        given().auth().oauth2(admin).get("/api/v1/pairings?householdId=" + paired.household())
                .then().statusCode(200).body("items.id", contains(paired.pairing(), replacement))
                .body("items.active", contains(false, true));
        given().auth().oauth2(admin).get("/api/v1/pairings?householdId=" + paired.household() + "&active=false")
                .then().body("items.id", contains(paired.pairing()));
    }

    @Test
    void endedPairingDoesNotEndAgain() {
        Paired paired = paired();
        end(paired.pairing(), Map.of("replacementHelperId", Fixtures.helper(5))).then().statusCode(200);

        end(paired.pairing(), Map.of("replacementHelperId", Fixtures.helper(5))).then().statusCode(409)
                .body("code", equalTo("pairing-already-ended"));
    }

    @Test
    void handoverPublishesTheEndAndTheStartEachNamingTheOther() {
        Paired paired = paired();
        String replacement = end(paired.pairing(), Map.of("replacementHelperId", Fixtures.helper(5)))
                .then().statusCode(200).extract().path("replacementPairingId");

        List<CloudEvent> old = Fixtures.events(paired.pairing(), 2);
        assertThat(old).extracting(CloudEvent::type).containsExactly("pairing.started", "pairing.ended");
        assertThat(old.get(1).data().get("reason").asText()).isEqualTo("REPLACED");
        assertThat(old.get(1).data().get("replacementPairingId").asText()).isEqualTo(replacement);
        CloudEvent started = Fixtures.events(replacement, 1).get(0);
        assertThat(started.data().get("replacesPairingId").asText()).isEqualTo(paired.pairing());
    }

    @Test
    void aHouseholdFoundNotPoorMayLetItsHelperGo() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        String pairing = Fixtures.pair(helper, household);
        Fixtures.changeStatus(household, village, "MONITORED", "NOT_POOR", "CLEAR_RISK");

        end(pairing, Map.of()).then().statusCode(400).body("errors.field", contains("reason"))
                .body("errors.code", contains("required"));
        end(pairing, Map.of("reason", "REPLACED")).then().statusCode(400).body("errors.code", contains("reason-needs-replacement"));
        end(pairing, Map.of("reason", "HOUSEHOLD_REMOVED")).then().statusCode(400).body("errors.code", contains("reason-reserved"));
        end(pairing, Map.of("reason", "HOUSEHOLD_NOT_POOR", "endDate", CountyCalendar.today().plusDays(1).toString()))
                .then().statusCode(400).body("errors.code", contains("date-in-future"));
        end(pairing, Map.of("reason", "HOUSEHOLD_NOT_POOR"))
                .then().statusCode(200).body("endReason", equalTo("HOUSEHOLD_NOT_POOR")).body("replacementPairingId", nullValue());
        given().auth().oauth2(admin).get("/api/v1/helpers/" + helper).then().body("activeHouseholds", equalTo(0));
        assertThat(Fixtures.events(pairing, 2).get(1).data().get("reason").asText()).isEqualTo("HOUSEHOLD_NOT_POOR");
    }

    @Test
    void keepsEachCallerInsideTheirRegion() {
        Fixtures.Township township = Fixtures.township(2);
        Fixtures.Township other = Fixtures.township(1);
        UUID household = Fixtures.household(township.village());
        UUID neighbour = Fixtures.household(township.villages().get(1));
        String helper = Fixtures.helper(5);
        String pairing = Fixtures.pair(helper, household);
        String neighbours = Fixtures.pair(helper, neighbour);

        String cadre = TestTokens.token("village-cadre", township.village());
        given().auth().oauth2(cadre).get("/api/v1/pairings/" + pairing).then().statusCode(200);
        given().auth().oauth2(cadre).get("/api/v1/pairings/" + neighbours).then().statusCode(404);
        given().auth().oauth2(cadre).get("/api/v1/pairings?helperId=" + helper).then().body("items.id", contains(pairing));
        given().auth().oauth2(TestTokens.token("township-officer", township.code())).get("/api/v1/pairings?helperId=" + helper)
                .then().body("items.id", containsInAnyOrder(pairing, neighbours));
        given().auth().oauth2(TestTokens.token("township-officer", other.code())).get("/api/v1/pairings?helperId=" + helper)
                .then().body("items", empty());
        given().auth().oauth2(TestTokens.token("assistance-officer", other.code())).get("/api/v1/pairings/" + pairing)
                .then().statusCode(404);
        given().auth().oauth2(cadre).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("replacementHelperId", Fixtures.helper(5)))
                .post("/api/v1/pairings/" + neighbours + "/end").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("village-cadre", other.village())).contentType(ContentType.JSON)
                .body(pairingBody(Fixtures.helper(5), UUID.randomUUID())).post("/api/v1/pairings")
                .then().statusCode(422).body("code", equalTo("unknown-household"));
        UUID unpaired = Fixtures.household(township.village());
        given().auth().oauth2(TestTokens.token("village-cadre", other.village())).contentType(ContentType.JSON)
                .body(pairingBody(Fixtures.helper(5), unpaired)).post("/api/v1/pairings")
                .then().statusCode(422).body("code", equalTo("unknown-household"));
        given().auth().oauth2(admin).get("/api/v1/pairings?region=" + other.code()).then().body("items.id", not(hasItem(pairing)));
    }

    @Test
    void keepsRolesToTheirWork() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String helper = Fixtures.helper(5);
        for (String role : List.of("integrator", "auditor", "analyst")) {
            given().auth().oauth2(TestTokens.token(role)).contentType(ContentType.JSON).body(pairingBody(helper, household))
                    .post("/api/v1/pairings").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/pairings").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/pairings").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("assistance-officer")).contentType(ContentType.JSON).body(pairingBody(helper, household))
                .post("/api/v1/pairings").then().statusCode(201);
    }

    @Test
    void exportsPairingsAsCsv() {
        String village = Fixtures.village();
        UUID household = Fixtures.household(village);
        String pairing = Fixtures.pair(Fixtures.helper(5), household);
        String csv = given().auth().oauth2(admin).accept("text/csv").get("/api/v1/pairings?villageCode=" + village)
                .then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("id,kind,helperId,unitId,groupId,householdId,villageCode,startDate,endDate,endReason,")
                .contains(pairing + ",HELPER_HOUSEHOLD,");
        given().auth().oauth2(admin).get("/api/v1/pairings?villageCode=5002351").then().statusCode(400);
    }

    private Response helperPairing(String helper, UUID household) {
        return post(pairingBody(helper, household));
    }

    private Response post(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/pairings");
    }

    private Response end(String pairing, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/api/v1/pairings/" + pairing)).body(body)
                .post("/api/v1/pairings/" + pairing + "/end");
    }

    private static Map<String, Object> pairingBody(String helper, UUID household) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "HELPER_HOUSEHOLD");
        body.put("helperId", helper);
        body.put("householdId", household.toString());
        return body;
    }
}
