package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.e2e.ErrorScenario.View;
import org.fupin.suite.Suite;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every error code of the decision procedure (cases), provoked end to end through the gateway, each on a
 * case left in the state it needs: proposed, at the appraisal, under notice, objected, closed. Each step is
 * done by the role whose step it is; the suite's tokens name one subject per role, so the village cadre who
 * proposes is the same person for every case here.
 */
final class CaseErrorScenarios {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private final String admin;
    private final String cadre;
    private final String team;
    private final String township;
    private final String village;
    private final String poorHousehold;
    private final String proposed;
    private final String atAppraisal;
    private final String underNotice;
    private final String objected;
    private final String resolvedObjectionCase;
    private final String resolvedObjection;
    private final String withdrawn;
    private final String marginalUnassessed;
    private final String marginalWell;

    /** Registers the households and takes their cases to the states the scenarios need. */
    CaseErrorScenarios(Suite suite, String county, String townshipCode, String village) {
        this.village = village;
        admin = suite.token("county-admin", county);
        cadre = suite.token("village-cadre", village);
        team = suite.token("assistance-officer", village);
        township = suite.token("township-officer", townshipCode);
        poorHousehold = readyToExit();
        proposed = propose(poorHousehold, "EXIT");
        atAppraisal = atAppraisal(readyToExit());
        underNotice = appraised(readyToExit());
        objected = appraised(readyToExit());
        object(objected).then().statusCode(201);
        resolvedObjectionCase = appraised(readyToExit());
        resolvedObjection = object(resolvedObjectionCase).then().statusCode(201).extract().path("id");
        finding(resolvedObjectionCase, resolvedObjection).then().statusCode(200);
        withdrawn = propose(readyToExit(), "EXIT");
        step(cadre, withdrawn, "withdrawal", Map.of("reason", "撤回")).then().statusCode(200);
        marginalUnassessed = register("MONITORED");
        marginalWell = register("MONITORED");
        assess(marginalWell, today());
    }

    List<ErrorScenario> all() {
        LocalDate today = today();
        return List.of(
                ErrorScenario.of("same-person", "the village cadre who proposed an exit verifies it")
                        .answers(403, "same-person").unchanged(theCase(proposed))
                        .when(() -> step(cadre, proposed, "verification", verification(today))),
                ErrorScenario.of("stage-not-open", "an appraisal of a case that waits for its verification")
                        .answers(409, "stage-not-open").unchanged(theCase(proposed))
                        .when(() -> step(cadre, proposed, "appraisal", appraisal(today, 15))),
                ErrorScenario.of("no-notice-running", "an objection to a case that has no public notice yet")
                        .answers(409, "no-notice-running").unchanged(theCase(proposed))
                        .when(() -> object(proposed)),
                ErrorScenario.of("date-in-future", "a verification visit dated tomorrow")
                        .answers(400, "validation-failed").field("visitedOn", "date-in-future").unchanged(theCase(proposed))
                        .when(() -> step(team, proposed, "verification", verification(today.plusDays(1)))),
                ErrorScenario.of("date-before-previous-step", "a verification visit the day before the proposal")
                        .answers(422, "date-before-previous-step").field("visitedOn", "date-before-previous-step")
                        .unchanged(theCase(proposed))
                        .when(() -> step(team, proposed, "verification", verification(today.minusDays(1)))),
                ErrorScenario.of("case-already-open", "a second exit case for a household with one open")
                        .answers(409, "case-already-open").unchanged(cases(poorHousehold))
                        .when(() -> proposal(poorHousehold, "EXIT")),
                ErrorScenario.of("case-not-applicable", "identifying a household that is poor already")
                        .answers(409, "case-not-applicable").unchanged(cases(poorHousehold))
                        .when(() -> proposal(poorHousehold, "IDENTIFY")),
                ErrorScenario.of("no-recent-assessment", "identifying a marginal household never assessed")
                        .answers(422, "no-recent-assessment").unchanged(cases(marginalUnassessed))
                        .when(() -> proposal(marginalUnassessed, "IDENTIFY")),
                ErrorScenario.of("identification-criteria-not-met", "identifying a household assessed as meeting every guarantee")
                        .answers(422, "identification-criteria-not-met").unchanged(cases(marginalWell))
                        .when(() -> proposal(marginalWell, "IDENTIFY")),
                ErrorScenario.of("majority-not-reached", "an appraisal with 10 of 20 present for")
                        .answers(422, "majority-not-reached").field("votesFor", "majority-not-reached").unchanged(theCase(atAppraisal))
                        .when(() -> step(cadre, atAppraisal, "appraisal", appraisal(today, 10))),
                ErrorScenario.of("votes-exceed-attendees", "an appraisal with more votes than people present")
                        .answers(400, "validation-failed").field("attendees", "votes-exceed-attendees").unchanged(theCase(atAppraisal))
                        .when(() -> step(cadre, atAppraisal, "appraisal", appraisal(today, 25))),
                ErrorScenario.of("notice-not-over", "a township review on the first day of the village notice")
                        .answers(422, "notice-not-over").unchanged(theCase(underNotice))
                        .when(() -> step(township, underNotice, "township-review", review(today))),
                ErrorScenario.of("objection-pending", "a township review while an objection waits for its finding")
                        .answers(409, "objection-pending").unchanged(theCase(objected))
                        .when(() -> step(township, objected, "township-review", review(today))),
                ErrorScenario.of("objection-already-resolved", "a second finding on an objection")
                        .answers(409, "objection-already-resolved").unchanged(theCase(resolvedObjectionCase))
                        .when(() -> finding(resolvedObjectionCase, resolvedObjection)),
                ErrorScenario.of("case-closed", "a verification of a withdrawn case")
                        .answers(409, "case-closed").unchanged(theCase(withdrawn))
                        .when(() -> step(team, withdrawn, "verification", verification(today))));
    }

    private String readyToExit() {
        String id = register(null);
        assess(id, today());
        return id;
    }

    private String register(String initialStatus) {
        Map<String, Object> body = Households.household(village, 1);
        if (initialStatus != null) {
            body.put("initialStatus", initialStatus);
        }
        Response response = as(admin).contentType(ContentType.JSON).body(body).post("/api/v1/households");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.path("id");
    }

    private void assess(String household, LocalDate on) {
        as(admin).contentType(ContentType.JSON).body(Map.of("assessedOn", on.toString(), "food", true, "clothing", true,
                "compulsoryEducation", true, "basicMedical", true, "housingSafetyGrade", "A", "drinkingWater", true,
                "annualIncomePerCapita", 9000)).post("/api/v1/households/" + household + "/assessments").then().statusCode(201);
    }

    private Response proposal(String household, String kind) {
        return as(cadre).contentType(ContentType.JSON)
                .body(Map.of("householdId", household, "kind", kind, "proposedOn", today().toString(), "reason", "錯碼案件"))
                .post("/api/v1/cases");
    }

    private String propose(String household, String kind) {
        return proposal(household, kind).then().statusCode(201).extract().path("id");
    }

    /** An exit verified by the work team and acknowledged by the household: waiting for the appraisal. */
    private String atAppraisal(String household) {
        String id = propose(household, "EXIT");
        step(team, id, "verification", verification(today())).then().statusCode(200);
        step(cadre, id, "acknowledgement", Map.of("signedOn", today().toString(), "agrees", true)).then().statusCode(200);
        return id;
    }

    /** An exit appraised today: its village notice runs from today for the configured days. */
    private String appraised(String household) {
        String id = atAppraisal(household);
        step(cadre, id, "appraisal", appraisal(today(), 15)).then().statusCode(200);
        return id;
    }

    private Response object(String caseId) {
        return as(cadre).contentType(ContentType.JSON).body(Map.of("text", "收入來源不實")).post("/api/v1/cases/" + caseId + "/objections");
    }

    private Response finding(String caseId, String objectionId) {
        return as(township).contentType(ContentType.JSON).body(Map.of("finding", "DISMISSED", "reason", "經核實不屬實"))
                .post("/api/v1/cases/" + caseId + "/objections/" + objectionId + "/finding");
    }

    private Response step(String token, String caseId, String stage, Map<String, Object> body) {
        String etag = as(admin).get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        return as(token).header("If-Match", etag).contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/" + stage);
    }

    private static Map<String, Object> verification(LocalDate on) {
        return Map.of("visitedOn", on.toString(), "findings", "入戶核實屬實", "agrees", true);
    }

    private static Map<String, Object> appraisal(LocalDate on, int votesFor) {
        Map<String, Object> body = new HashMap<>(Map.of("meetingOn", on.toString(), "attendees", 20, "votesFor", votesFor,
                "votesAgainst", Math.max(0, 20 - votesFor), "abstentions", 0));
        if (votesFor > 20) {
            body.put("votesAgainst", 3);
        }
        return body;
    }

    private static Map<String, Object> review(LocalDate on) {
        return Map.of("decision", "APPROVE", "reviewedOn", on.toString());
    }

    /** The case with its ETag, and its timeline. */
    private View theCase(String id) {
        return () -> ErrorScenario.seen(as(admin).get("/api/v1/cases/" + id)) + as(admin).get("/api/v1/cases/" + id + "/timeline").asString();
    }

    private View cases(String household) {
        return () -> as(admin).queryParam("householdId", household).get("/api/v1/cases").asString();
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_ZONE);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
