package org.fupin.assistance.organisation;

import org.fupin.testing.CountyCalendar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

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

/** Groups, units, helpers, work teams and war zones through the API, with their events, roles and region scope. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class OrganisationApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private final String admin = Fixtures.ADMIN;

    @Test
    void createsGroupsUnitsAndHelpersAndPublishesTheirEventsWithoutNamesOfPeople() {
        String group = given().auth().oauth2(TestTokens.token("assistance-officer")).contentType(ContentType.JSON)
                .body(Map.of("name", "第三幫扶集團"))
                .post("/api/v1/assistance-groups")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/assistance-groups/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("name", equalTo("第三幫扶集團"))
                .extract().path("id");
        String unit = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "雲陽縣三峽茶業有限公司", "type", "ENTERPRISE", "groupId", group))
                .post("/api/v1/units")
                .then().statusCode(201).body("groupId", equalTo(group)).body("type", equalTo("ENTERPRISE"))
                .extract().path("id");
        String helper = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Fixtures.helperBody(unit, null))
                .post("/api/v1/helpers")
                .then().statusCode(201)
                .body("maxHouseholds", equalTo(5)).body("activeHouseholds", equalTo(0)).body("phone", equalTo("13900001111"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.token("auditor")).get("/api/v1/helpers/" + helper)
                .then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("王建國"));
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/units/" + unit)
                .then().statusCode(200).body("name", equalTo("雲陽縣三峽茶業有限公司"));
        given().auth().oauth2(admin).get("/api/v1/assistance-groups/" + group).then().statusCode(200);

        assertThat(Fixtures.events(group, 1).get(0).type()).isEqualTo("group.created");
        CloudEvent unitEvent = Fixtures.events(unit, 1).get(0);
        assertThat(unitEvent.type()).isEqualTo("unit.registered");
        assertThat(unitEvent.data().get("groupId").asText()).isEqualTo(group);
        CloudEvent helperEvent = Fixtures.events(helper, 1).get(0);
        assertThat(helperEvent.type()).isEqualTo("helper.registered");
        assertThat(helperEvent.data().get("maxHouseholds").asInt()).isEqualTo(5);
        assertThat(helperEvent.toString()).doesNotContain("王建國").doesNotContain("13900001111");
    }

    @Test
    void refusesAHelperWithEveryInvalidFieldNamedAtOnce() {
        Map<String, Object> body = Fixtures.helperBody(Fixtures.unit(), 5);
        body.put("name", "王".repeat(101));
        body.put("phone", "12345");
        body.put("maxHouseholds", 0);

        postHelper(body).then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("name")).body("errors.code", hasItem("length"))
                .body("errors.code", hasItem("range"));
    }

    @Test
    void refusesAPhoneNumberOfNoKnownFormat() {
        Map<String, Object> body = Fixtures.helperBody(Fixtures.unit(), 5);
        body.put("phone", "12345");

        postHelper(body).then().statusCode(400).body("errors.code", contains("phone-format"));
    }

    @Test
    void refusesAHelperForMoreThanAHundredHouseholds() {
        postHelper(Fixtures.helperBody(Fixtures.unit(), 101))
                .then().statusCode(400).body("errors.field", contains("maxHouseholds")).body("errors.code", contains("range"));
    }

    @Test
    void refusesAnUnknownKindOfHelper() {
        Map<String, Object> body = Fixtures.helperBody(Fixtures.unit(), 5);
        body.put("kind", "PILOT");

        postHelper(body).then().statusCode(400).body("code", equalTo("invalid-value")).body("errors.field", contains("kind"));
    }

    @Test
    void refusesAHelpersIdNumberAsAnUnknownField() {
        Map<String, Object> body = Fixtures.helperBody(Fixtures.unit(), 5);
        body.put("idNumber", "500235197003040011");

        postHelper(body).then().statusCode(400).body("code", equalTo("unknown-field"));
    }

    @Test
    void refusesAHelperOfAnUnknownUnit() {
        postHelper(Fixtures.helperBody(UUID.randomUUID().toString(), 5))
                .then().statusCode(422).body("code", equalTo("unknown-unit")).body("errors.field", contains("unitId"));
    }

    @Test
    void refusesAUnitOfAnUnknownGroup() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "某企業", "type", "ENTERPRISE", "groupId", UUID.randomUUID().toString()))
                .post("/api/v1/units")
                .then().statusCode(422).body("code", equalTo("unknown-group"));
    }

    @Test
    void answersInTheCallersLanguage() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Accept-Language", "zh-Hant")
                .body(Map.of("name", "", "type", "ENTERPRISE"))
                .post("/api/v1/units")
                .then().statusCode(400).body("title", equalTo("部分欄位無效")).body("errors.code", hasItem("required"));
    }

    private io.restassured.response.Response postHelper(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/helpers");
    }

    @Test
    void changesAHelperByMergePatchButNeverBelowTheHouseholdsTheyHave() {
        String village = Fixtures.village();
        List<UUID> households = Fixtures.households(village, 2);
        String helper = Fixtures.helper(3);
        households.forEach(household -> Fixtures.pair(helper, household));

        given().auth().oauth2(admin).contentType(MERGE_PATCH).body(Map.of("phone", "023-55123456"))
                .patch("/api/v1/helpers/" + helper)
                .then().statusCode(428).body("code", equalTo("precondition-required"));
        given().auth().oauth2(admin).contentType(MERGE_PATCH).header("If-Match", "\"41\"").body(Map.of("phone", "023-55123456"))
                .patch("/api/v1/helpers/" + helper)
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
        patch(helper, Map.of("maxHouseholds", 1))
                .then().statusCode(422).body("code", equalTo("helper-capacity-exceeded"));
        patch(helper, Map.of("phone", "1234")).then().statusCode(400).body("errors.code", contains("phone-format"));
        patch(helper, Map.of("kind", "PILOT")).then().statusCode(400).body("code", equalTo("invalid-value"));
        patch(helper, Map.of("unitId", UUID.randomUUID().toString())).then().statusCode(422).body("code", equalTo("unknown-unit"));
        patch(helper, Map.of("name2", "x")).then().statusCode(400).body("code", equalTo("unknown-field"));

        patch(helper, Map.of("maxHouseholds", 2, "phone", "023-55123456", "kind", "TEACHER"))
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("maxHouseholds", equalTo(2)).body("activeHouseholds", equalTo(2))
                .body("phone", equalTo("023-55123456")).body("kind", equalTo("TEACHER"));
        given().auth().oauth2(TestTokens.token("township-officer", Fixtures.COUNTY + "199")).contentType(MERGE_PATCH).header("If-Match", "*")
                .body(Map.of("maxHouseholds", 9)).patch("/api/v1/helpers/" + helper)
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(admin).get("/api/v1/helpers?available=false&unitId=" + unitOf(helper))
                .then().statusCode(200).body("items.id", contains(helper));
        given().auth().oauth2(admin).get("/api/v1/helpers?available=true&unitId=" + unitOf(helper))
                .then().statusCode(200).body("items.id", not(hasItem(helper)));
    }

    @Test
    void keepsTheETagOfAHelperWhenAPatchChangesNothing() {
        String helper = Fixtures.helper(3);
        String etag = Fixtures.etag("/api/v1/helpers/" + helper);

        patch(helper, Map.of()).then().statusCode(200).header("ETag", etag);
        patch(helper, Map.of("maxHouseholds", 3, "kind", "CADRE")).then().statusCode(200).header("ETag", etag);
        patch(helper, Map.of("maxHouseholds", 4)).then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void assignsWorkTeamsToVillagesOfTheCallersRegion() {
        Fixtures.Township township = Fixtures.township(1);
        Fixtures.Township other = Fixtures.township(1);
        String leader = Fixtures.helper(5);
        String member = Fixtures.helper(5);
        String officer = TestTokens.token("assistance-officer", township.code());

        String team = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("villageCode", township.village(), "leaderId", leader, "memberIds", List.of(member),
                        "startDate", "2019-03-01"))
                .post("/api/v1/work-teams")
                .then().statusCode(201).body("memberIds", contains(member)).body("startDate", equalTo("2019-03-01"))
                .extract().path("id");
        CloudEvent assigned = Fixtures.events(team, 1).get(0);
        assertThat(assigned.type()).isEqualTo("work-team.assigned");
        assertThat(assigned.data().get("leaderId").asText()).isEqualTo(leader);

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("villageCode", other.village(), "leaderId", leader))
                .post("/api/v1/work-teams")
                .then().statusCode(422).body("code", equalTo("unknown-village"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("villageCode", township.code() + "999", "leaderId", leader))
                .post("/api/v1/work-teams")
                .then().statusCode(422).body("code", equalTo("unknown-village"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("villageCode", township.village(), "leaderId", leader,
                        "memberIds", List.of(member, UUID.randomUUID().toString())))
                .post("/api/v1/work-teams")
                .then().statusCode(422).body("code", equalTo("unknown-helper")).body("errors.field", contains("memberIds[1]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("villageCode", township.village(), "leaderId", leader, "memberIds", List.of(member, leader)))
                .post("/api/v1/work-teams")
                .then().statusCode(400).body("errors.code", contains("duplicate-member"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("villageCode", township.village(), "leaderId", leader,
                        "startDate", CountyCalendar.today().plusDays(2).toString()))
                .post("/api/v1/work-teams")
                .then().statusCode(400).body("errors.code", contains("date-in-future"));

        String otherOfficer = TestTokens.token("assistance-officer", other.code());
        given().auth().oauth2(otherOfficer).get("/api/v1/work-teams/" + team).then().statusCode(404);
        given().auth().oauth2(otherOfficer).get("/api/v1/work-teams").then().statusCode(200).body("items.id", not(hasItem(team)));
        given().auth().oauth2(officer).get("/api/v1/work-teams").then().statusCode(200).body("items.id", contains(team));
        given().auth().oauth2(admin).get("/api/v1/work-teams?region=" + township.code())
                .then().statusCode(200).body("items.id", contains(team));
    }

    @Test
    void definesWarZonesOfTownships() {
        Fixtures.Township north = Fixtures.township(1);
        Fixtures.Township south = Fixtures.township(1);
        String leader = Fixtures.helper(5);

        String zone = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "北部戰區", "leaderId", leader, "townshipCodes", List.of(north.code())))
                .post("/api/v1/war-zones")
                .then().statusCode(201).body("townshipCodes", contains(north.code())).extract().path("id");
        assertThat(Fixtures.events(zone, 1).get(0).type()).isEqualTo("war-zone.defined");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "南部戰區", "leaderId", leader, "townshipCodes", List.of(south.code(), "500235999")))
                .post("/api/v1/war-zones")
                .then().statusCode(422).body("code", equalTo("unknown-township"))
                .body("errors.field", contains("townshipCodes[1]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "南部戰區", "leaderId", leader, "townshipCodes", List.of(south.village())))
                .post("/api/v1/war-zones")
                .then().statusCode(400).body("code", equalTo("validation-failed"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "南部戰區", "leaderId", leader, "townshipCodes", List.of(south.code(), south.code())))
                .post("/api/v1/war-zones")
                .then().statusCode(400).body("errors.code", contains("duplicate-township"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "南部戰區", "leaderId", UUID.randomUUID().toString(), "townshipCodes", List.of(south.code())))
                .post("/api/v1/war-zones")
                .then().statusCode(422).body("code", equalTo("unknown-helper"));

        given().auth().oauth2(TestTokens.token("village-cadre", north.village())).get("/api/v1/war-zones/" + zone)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.token("assistance-officer", south.code())).get("/api/v1/war-zones/" + zone)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("assistance-officer", south.code())).get("/api/v1/war-zones")
                .then().statusCode(200).body("items.id", not(hasItem(zone)));
    }

    @Test
    void keepsRolesToTheirWork() {
        given().get("/api/v1/helpers").then().statusCode(401).body("code", equalTo("unauthenticated"));
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/helpers").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/assistance-groups").then().statusCode(403);
        Map<String, String> regionOf = Map.of("township-officer", Fixtures.COUNTY + "199", "village-cadre", Fixtures.COUNTY + "199201");
        for (String role : List.of("township-officer", "village-cadre", "integrator", "auditor", "analyst")) {
            given().auth().oauth2(TestTokens.token(role, regionOf.getOrDefault(role, Fixtures.COUNTY))).contentType(ContentType.JSON)
                    .body(Map.of("name", "某集團"))
                    .post("/api/v1/assistance-groups")
                    .then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/helpers").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("auditor")).get("/api/v1/war-zones").then().statusCode(200);
    }

    @Test
    void replaysACreationWithTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "雲陽縣人民醫院", "type", "HOSPITAL");
        String first = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/units").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/units")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "雲陽縣中醫院", "type", "HOSPITAL"))
                .post("/api/v1/units")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void pagesListsAndExportsThemAsCsv() {
        String group = Fixtures.group();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", "單位" + i, "type", "SCHOOL", "groupId", group))
                    .post("/api/v1/units").then().statusCode(201);
        }
        String cursor = given().auth().oauth2(admin).get("/api/v1/units?groupId=" + group + "&limit=2")
                .then().statusCode(200).body("items.name", contains("單位0", "單位1")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(admin).get("/api/v1/units?groupId=" + group + "&limit=2&cursor=" + cursor)
                .then().statusCode(200).body("items.name", contains("單位2")).body("nextCursor", equalTo(null));
        given().auth().oauth2(admin).get("/api/v1/units?type=PLANE").then().statusCode(400).body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(admin).get("/api/v1/units?cursor=bogus").then().statusCode(400).body("code", equalTo("invalid-cursor"));

        String csv = given().auth().oauth2(admin).accept("text/csv").get("/api/v1/units?groupId=" + group)
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("id,name,type,groupId");
        assertThat(csv).contains(",單位0,SCHOOL," + group).contains(",單位2,SCHOOL," + group);
    }

    private Response patch(String helper, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(MERGE_PATCH).header("If-Match", Fixtures.etag("/api/v1/helpers/" + helper))
                .body(body).patch("/api/v1/helpers/" + helper);
    }

    private String unitOf(String helper) {
        return given().auth().oauth2(admin).get("/api/v1/helpers/" + helper).then().extract().path("unitId");
    }
}
