package org.fupin.assistance.organisation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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

/**
 * Units, groups and helpers belong to a region: read from it, below it and from the regions below
 * it, changed only from it and above; another county's or township's do not exist for the caller.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class OrganisationScopeApiTest {

    private static final String OTHER_COUNTY = "500299";

    @Test
    void anotherCountysAdminReachesNoneOfThisCountysGroupsUnitsAndHelpers() {
        String group = Fixtures.group();
        String unit = Fixtures.unit();
        String helper = Fixtures.helper(unit, 5);
        String helperEtag = Fixtures.etag("/api/v1/helpers/" + helper);
        Fixtures.county(OTHER_COUNTY);
        String other = TestTokens.token("county-admin", OTHER_COUNTY);

        given().auth().oauth2(other).get("/api/v1/assistance-groups/" + group).then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/units/" + unit).then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/helpers/" + helper).then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(other).queryParam("limit", 500).get("/api/v1/assistance-groups")
                .then().statusCode(200).body("items.id", not(hasItem(group)));
        given().auth().oauth2(other).queryParam("limit", 500).get("/api/v1/units")
                .then().statusCode(200).body("items.id", not(hasItem(unit)));
        given().auth().oauth2(other).queryParam("limit", 500).get("/api/v1/helpers")
                .then().statusCode(200).body("items.id", not(hasItem(helper)));
        String csv = given().auth().oauth2(other).accept("text/csv").get("/api/v1/helpers").then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain(helper);

        given().auth().oauth2(other).contentType(ContentType.JSON).body(Fixtures.helperBody(unit, 5)).post("/api/v1/helpers")
                .then().statusCode(422).body("code", equalTo("unknown-unit"));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("name", "某企業", "type", "ENTERPRISE", "groupId", group)).post("/api/v1/units")
                .then().statusCode(422).body("code", equalTo("unknown-group"));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("name", "某企業", "type", "ENTERPRISE", "regionCode", Fixtures.COUNTY)).post("/api/v1/units")
                .then().statusCode(422).body("code", equalTo("unknown-region")).body("errors[0].field", equalTo("regionCode"));
        given().auth().oauth2(other).contentType("application/merge-patch+json").header("If-Match", helperEtag)
                .body(Map.of("maxHouseholds", 9)).patch("/api/v1/helpers/" + helper)
                .then().statusCode(404);

        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/helpers/" + helper)
                .then().statusCode(200).header("ETag", helperEtag).body("maxHouseholds", equalTo(5));
    }

    @Test
    void anotherCountysHelperCannotBePairedNorProvideAMeasureNorVisit() {
        String helper = Fixtures.helper(5);
        Fixtures.Township otherTownship = Fixtures.township(OTHER_COUNTY, 1);
        UUID household = Fixtures.household(otherTownship.village());
        String other = TestTokens.token("county-admin", OTHER_COUNTY);

        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper, "householdId", household.toString()))
                .post("/api/v1/pairings")
                .then().statusCode(422).body("code", equalTo("unknown-helper"));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("type", "EDUCATION", "householdId", household.toString(), "provider",
                        Map.of("kind", "HELPER", "id", helper), "amount", 100, "startedOn", "2019-06-01", "status", "PLANNED"))
                .post("/api/v1/measures")
                .then().statusCode(422).body("code", equalTo("unknown-helper"));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "helperId", helper, "householdId", household.toString(),
                        "visitedAt", "2019-06-01T08:00:00Z"))
                .post("/api/v1/visits")
                .then().statusCode(422).body("code", equalTo("unknown-helper"));
    }

    @Test
    void aCadreReadsTheCountysDepartmentsButNotAnotherTownshipsUnits() {
        Fixtures.Township mine = Fixtures.township(1);
        Fixtures.Township neighbour = Fixtures.township(1);
        String department = Fixtures.unit();
        String neighbourUnit = unitOf(neighbour.code());
        String cadre = TestTokens.token("village-cadre", mine.village());

        given().auth().oauth2(cadre).get("/api/v1/units/" + department).then().statusCode(200)
                .body("regionCode", equalTo(Fixtures.COUNTY));
        given().auth().oauth2(cadre).get("/api/v1/units/" + neighbourUnit).then().statusCode(404);
        given().auth().oauth2(cadre).queryParam("limit", 500).get("/api/v1/units")
                .then().statusCode(200).body("items.id", hasItem(department)).body("items.id", not(hasItem(neighbourUnit)));
    }

    @Test
    void aTownshipsAssistanceOfficerRegistersHelpersOnlyForTheTownshipsUnits() {
        Fixtures.Township township = Fixtures.township(1);
        String department = Fixtures.unit();
        String townshipUnit = unitOf(township.code());
        String officer = TestTokens.token("assistance-officer", township.code());

        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Fixtures.helperBody(department, 5))
                .post("/api/v1/helpers")
                .then().statusCode(422).body("code", equalTo("unknown-unit"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Fixtures.helperBody(townshipUnit, 5))
                .post("/api/v1/helpers")
                .then().statusCode(201).body("regionCode", equalTo(township.code()));
    }

    @Test
    void aChangeOfCapacityPublishesHelperUpdatedAndAChangeOfPhoneAloneNothing() {
        String helper = Fixtures.helper(5);
        patch(helper, Map.of("phone", "13900002222")).then().statusCode(200);
        patch(helper, Map.of("maxHouseholds", 8)).then().statusCode(200);

        List<CloudEvent> events = Fixtures.events(helper, 2);
        assertThat(events).extracting(CloudEvent::type).containsExactly("helper.registered", "helper.updated");
        assertThat(events.get(1).data().get("maxHouseholds").asInt()).isEqualTo(8);
        assertThat(events.get(1).toString()).doesNotContain("13900002222").doesNotContain("王建國");
    }

    private static io.restassured.response.Response patch(String helper, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.ADMIN).contentType("application/merge-patch+json")
                .header("If-Match", Fixtures.etag("/api/v1/helpers/" + helper)).body(body).patch("/api/v1/helpers/" + helper);
    }

    private static String unitOf(String region) {
        return given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "鎮政府" + region, "type", "TOWNSHIP_GOVERNMENT", "regionCode", region))
                .post("/api/v1/units").then().statusCode(201).body("regionCode", equalTo(region)).extract().path("id");
    }
}
