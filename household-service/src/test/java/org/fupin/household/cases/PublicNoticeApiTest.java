package org.fupin.household.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fupin.household.cases.CaseWalk.TODAY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The notice lists (公示名單) and announcements (公告) a cadre prints, from cases walked through the API. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class PublicNoticeApiTest {

    @Test
    void theListOfADayShowsTheHouseholdUnderNoticeWithItsIdNumberAndNameMasked() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(3));

        JsonPath list = given().auth().oauth2(walk.cadre).queryParam("region", walk.village)
                .get("/api/v1/public-notices").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("on")).isEqualTo(TODAY.toString());
        assertThat(list.getString("names")).isEqualTo("MASKED");
        assertThat(list.getList("villages.village.code")).containsExactly(walk.village);
        assertThat(list.getString("villages[0].township.code")).isEqualTo(walk.township);
        assertThat(list.getString("villages[0].entries[0].caseId")).isEqualTo(caseId);
        assertThat(list.getString("villages[0].entries[0].headName")).isEqualTo("张*山");
        assertThat(list.getString("villages[0].entries[0].headIdNumber")).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        assertThat(list.getString("villages[0].entries[0].kind")).isEqualTo("EXIT");
        assertThat(list.getString("villages[0].entries[0].notice")).isEqualTo("VILLAGE_NOTICE");
        assertThat(list.getString("villages[0].entries[0].startsOn")).isEqualTo(TODAY.minusDays(3).toString());
        assertThat(list.getString("villages[0].entries[0].endsOn")).isEqualTo(TODAY.plusDays(4).toString());
        assertThat(list.getString("villages[0].entries[0].objectionsUntil")).isEqualTo(TODAY.plusDays(3).toString());
        // No full name (张?山 of the fixtures) and no full ID number anywhere in the list.
        assertThat(list.prettify()).doesNotContainPattern("张[^*]山").doesNotContainPattern("\\d{17}[\\dX]");
    }

    @Test
    void aPastDaysListStaysTheSameAfterTheCaseMovedOnAndCountsItsObjections() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(30));
        String objection = walk.object(TestTokens.token("integrator"), caseId, TODAY.minusDays(27)).then().statusCode(201)
                .extract().path("id");
        walk.finding(walk.townshipOfficer, caseId, objection, "DISMISSED").then().statusCode(200);
        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200);
        walk.decide(caseId, TODAY.minusDays(10)).then().statusCode(200);

        given().auth().oauth2(walk.townshipOfficer).queryParam("region", walk.township).queryParam("on", TODAY.minusDays(24).toString())
                .get("/api/v1/public-notices").then().statusCode(200)
                .body("villages[0].entries.caseId", contains(caseId))
                .body("villages[0].entries[0].objections", equalTo(1));
        // The day the notice ended it is off the board; so is every day after.
        given().auth().oauth2(walk.townshipOfficer).queryParam("region", walk.township).queryParam("on", TODAY.minusDays(23).toString())
                .get("/api/v1/public-notices").then().statusCode(200).body("villages", empty());
    }

    @Test
    void theAnnouncementListsTheApprovedCaseWithTheAnnouncementsDate() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(30));
        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200);
        walk.decide(caseId, TODAY.minusDays(10)).then().statusCode(200);

        given().auth().oauth2(walk.countyAdmin).queryParam("region", walk.township)
                .get("/api/v1/announcements").then().statusCode(200)
                .body("from", equalTo(TODAY.minusDays(30).toString())).body("to", equalTo(TODAY.toString()))
                .body("entries.caseId", contains(caseId))
                .body("entries[0].kind", equalTo("EXIT"))
                .body("entries[0].announcedOn", equalTo(TODAY.minusDays(10).toString()))
                .body("entries[0].headName", equalTo("张*山"))
                .body("entries[0].village.code", equalTo(walk.village));
        given().auth().oauth2(walk.countyAdmin).queryParam("region", walk.township)
                .queryParam("from", TODAY.minusDays(9).toString()).get("/api/v1/announcements").then().statusCode(200)
                .body("entries", empty());
    }

    @Test
    void csvAndThePrintablePageCarryTheSameMaskedList() {
        CaseWalk first = CaseWalk.poorAndReadyToExit();
        String firstCase = first.exitUnderNoticeFrom(TODAY.minusDays(2));
        CaseWalk second = CaseWalk.poorAndReadyToExit();
        second.exitUnderNoticeFrom(TODAY.minusDays(1));

        String csv = given().auth().oauth2(first.countyAdmin).accept("text/csv").queryParam("region", first.township)
                .get("/api/v1/public-notices").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("villageCode,village,township,householdNo,headName,headIdNumber,kind,notice,startsOn,endsOn,objections");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(first.village + ",").contains(",张*山,").contains(",EXIT,VILLAGE_NOTICE,")
                .doesNotContainPattern("\\d{17}[\\dX]");

        String page = given().auth().oauth2(first.countyAdmin).accept("text/html").queryParam("region", Fixtures.COUNTY)
                .get("/api/v1/public-notices").then().statusCode(200).contentType("text/html")
                .header("Cache-Control", "private, no-store").extract().asString();
        assertThat(page).contains("<html lang=\"zh-CN\">", "size: A4", "data-village=\"" + first.village + "\"",
                "data-village=\"" + second.village + "\"", "贫困户退出", "村级公示", "张*山").doesNotContainPattern("张[^*]山");
        assertThat(page).doesNotContain("<script");
        given().auth().oauth2(first.countyAdmin).queryParam("region", first.township).get("/api/v1/public-notices").then()
                .body("villages[0].entries.caseId", contains(firstCase));
    }

    @Test
    void callersSeeOnlyTheirRegionsListsAndBadParametersAre400() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        walk.exitUnderNoticeFrom(TODAY.minusDays(3));
        CaseWalk elsewhere = CaseWalk.poorAndReadyToExit();

        given().auth().oauth2(elsewhere.cadre).queryParam("region", walk.village).get("/api/v1/public-notices").then()
                .statusCode(404);
        given().auth().oauth2(elsewhere.cadre).get("/api/v1/public-notices").then().statusCode(200)
                .body("villages.village.code", not(hasItem(walk.village)));
        given().auth().oauth2(TestTokens.token("analyst")).get("/api/v1/public-notices").then().statusCode(403);
        given().auth().oauth2(walk.cadre).queryParam("on", "yesterday").get("/api/v1/public-notices").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(walk.cadre).queryParam("from", TODAY.toString()).queryParam("to", TODAY.minusDays(1).toString())
                .get("/api/v1/announcements").then().statusCode(400).body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(walk.cadre).queryParam("from", TODAY.minusDays(400).toString())
                .get("/api/v1/announcements").then().statusCode(400).body("code", equalTo("invalid-parameter"));
    }
}
