package org.fupin.household.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fupin.household.cases.CaseWalk.TODAY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The case steps done in the village, sent in an offline batch (POST /api/v1/households/batch): each item does what
 * its single request does, with the stage's rules, and answers on its own.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
class CaseStepBatchApiTest {

    @Test
    void aVisitsVerificationAndTheHouseholdsSignatureGoInOneBatchAndASecondSendingIsDuplicate() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));
        long version = version(walk, caseId);

        // Offline, one visit: the verification, then the household's signature on the version after it.
        List<Map<String, Object>> items = List.of(
                item("VERIFICATION", caseId, version, "verification",
                        Map.of("visitedOn", TODAY.minusDays(1).toString(), "findings", "收入穩定，住房安全", "agrees", true)),
                item("ACKNOWLEDGEMENT", caseId, version + 1, "acknowledgement",
                        Map.of("signedOn", TODAY.minusDays(1).toString(), "agrees", true)));
        JsonPath first = send(walk.otherCadre, items);
        assertThat(first.getList("results.status", String.class)).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(first.getList("results.recordId", String.class)).containsOnly(caseId);

        JsonPath theCase = given().auth().oauth2(walk.countyAdmin).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(theCase.getString("stage")).isEqualTo("APPRAISAL");
        List<String> timeline = given().auth().oauth2(walk.countyAdmin).get("/api/v1/cases/" + caseId + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("stage", String.class);
        assertThat(timeline).contains("VERIFICATION", "ACKNOWLEDGEMENT");

        // The answers were lost; the app sends the same queue again: nothing is done twice.
        JsonPath again = send(walk.otherCadre, items);
        assertThat(again.getList("results.status", String.class)).containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(version(walk, caseId)).isEqualTo(version + 2);
    }

    @Test
    void aCaseChangedSinceTheAppSawItAnswersConflictWithTheCaseAsItIsNow() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));
        long seen = version(walk, caseId);
        walk.verify(walk.team, caseId, TODAY.minusDays(2)).then().statusCode(200);

        JsonPath answer = send(walk.otherCadre, List.of(item("VERIFICATION", caseId, seen, "verification",
                Map.of("visitedOn", TODAY.minusDays(1).toString(), "findings", "复核", "agrees", true))));
        assertThat(answer.getString("results[0].status")).isEqualTo("CONFLICT");
        assertThat(answer.getLong("results[0].currentVersion")).isEqualTo(seen + 1);
        assertThat(answer.getString("results[0].currentCase.id")).isEqualTo(caseId);
        assertThat(answer.getString("results[0].currentCase.stage")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(answer.getString("results[0].current")).isNull();
    }

    @Test
    void eachItemKeepsItsStagesRulesRolesAndShape() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));
        long version = version(walk, caseId);
        Map<String, Object> visit = Map.of("visitedOn", TODAY.minusDays(1).toString(), "findings", "收入穩定", "agrees", true);

        Map<String, Object> withAssessmentToo = item("VERIFICATION", caseId, version, "verification", visit);
        withAssessmentToo.put("assessment", Fixtures.assessment(TODAY, "A", 5000));
        withAssessmentToo.remove("caseId");
        JsonPath answer = send(walk.cadre, List.of(
                item("VERIFICATION", caseId, version, "verification", visit),         // the proposer: four eyes
                item("APPRAISAL", caseId, version, "appraisal", Map.of("meetingOn", TODAY.toString(), "attendees", 20,
                        "votesFor", 15, "votesAgainst", 5, "abstentions", 0)),      // not its stage yet
                withAssessmentToo));
        assertThat(answer.getList("results.status", String.class)).containsOnly("REJECTED");
        assertThat(answer.getList("results.code", String.class)).containsExactly("same-person", "stage-not-open", "validation-failed");
        assertThat(answer.getList("results[2].errors.field", String.class)).containsExactlyInAnyOrder("caseId", "assessment");
        assertThat(answer.getList("results[2].errors.code", String.class)).containsExactlyInAnyOrder("required", "not-for-kind");

        // A township officer does not do the village's appraisal alone, so not in a batch either.
        JsonPath township = send(walk.townshipOfficer, List.of(item("APPRAISAL", caseId, version, "appraisal",
                Map.of("meetingOn", TODAY.toString(), "attendees", 20, "votesFor", 15, "votesAgainst", 5, "abstentions", 0))));
        assertThat(township.getString("results[0].code")).isEqualTo("forbidden");
        assertThat(version(walk, caseId)).isEqualTo(version);
    }

    private static Map<String, Object> item(String kind, String caseId, long baseVersion, String field, Map<String, Object> body) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", UUID.randomUUID().toString());
        item.put("kind", kind);
        item.put("caseId", caseId);
        item.put("baseVersion", baseVersion);
        item.put(field, body);
        return item;
    }

    private static JsonPath send(String token, List<Map<String, Object>> items) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/households/batch").then().statusCode(200).extract().jsonPath();
    }

    private static long version(CaseWalk walk, String caseId) {
        String etag = given().auth().oauth2(walk.countyAdmin).get("/api/v1/cases/" + caseId).then().statusCode(200).extract()
                .header("ETag");
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }
}
