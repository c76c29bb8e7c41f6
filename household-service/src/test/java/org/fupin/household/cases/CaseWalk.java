package org.fupin.household.cases;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.fupin.household.Fixtures;
import org.fupin.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A household of a fresh village and the people who take its case through the procedure, each with a
 * token of their own: a village cadre who proposes, a work-team member who verifies, a township officer
 * and a county admin.
 */
public final class CaseWalk {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    final String village = Fixtures.freshVillage();
    final String township = village.substring(0, 9);
    final String cadre = token("cadre-" + village, "village-cadre", village);
    final String otherCadre = token("cadre2-" + village, "village-cadre", village);
    final String team = token("team-" + village, "assistance-officer", village);
    final String townshipOfficer = token("township-" + township, "township-officer", township);
    final String countyAdmin = token("county-" + village, "county-admin", Fixtures.COUNTY);
    public final String householdId;

    /** A poor household registered 60 days ago, not assessed yet. */
    public static CaseWalk poor() {
        return new CaseWalk(null);
    }

    /** A poor household registered 60 days ago and assessed 40 days ago as meeting every exit criterion. */
    public static CaseWalk poorAndReadyToExit() {
        CaseWalk walk = new CaseWalk(null);
        walk.assess(TODAY.minusDays(40), "A", 5000);
        return walk;
    }

    /** A marginal household (MONITORED, never poor) assessed 40 days ago with unsafe housing and income under the line. */
    static CaseWalk marginalInNeed() {
        CaseWalk walk = new CaseWalk("MONITORED");
        walk.assess(TODAY.minusDays(40), "C", 2000);
        return walk;
    }

    private CaseWalk(String initialStatus) {
        Map<String, Object> household = Fixtures.household(village);
        household.put("registeredOn", TODAY.minusDays(60).toString());
        if (initialStatus != null) {
            household.put("initialStatus", initialStatus);
        }
        householdId = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    static String token(String subject, String role, String region) {
        return TestTokens.sign(TestTokens.claims(subject, role, region));
    }

    public void assess(LocalDate on, String housing, int income) {
        given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(Fixtures.assessment(on, housing, income))
                .post("/api/v1/households/" + householdId + "/assessments").then().statusCode(201);
    }

    public Response propose(String kind, LocalDate on) {
        return given().auth().oauth2(cadre).contentType(ContentType.JSON)
                .body(Map.of("householdId", householdId, "kind", kind, "proposedOn", on.toString(), "reason", "村民小組提名"))
                .post("/api/v1/cases");
    }

    String opened(String kind, LocalDate on) {
        return propose(kind, on).then().statusCode(201).extract().path("id");
    }

    Response step(String token, String caseId, String stage, Map<String, Object> body) {
        String etag = given().auth().oauth2(countyAdmin).get("/api/v1/cases/" + caseId).header("ETag");
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/cases/" + caseId + "/" + stage);
    }

    Response verify(String token, String caseId, LocalDate on) {
        return step(token, caseId, "verification", Map.of("visitedOn", on.toString(), "findings", "收入穩定，住房安全", "agrees", true));
    }

    Response acknowledge(String caseId, LocalDate on) {
        return step(cadre, caseId, "acknowledgement", Map.of("signedOn", on.toString(), "agrees", true));
    }

    Response appraise(String caseId, LocalDate meetingOn, int votesFor, LocalDate noticeStartsOn) {
        return step(cadre, caseId, "appraisal", Map.of("meetingOn", meetingOn.toString(), "attendees", 20, "votesFor", votesFor,
                "votesAgainst", 20 - votesFor, "abstentions", 0, "noticeStartsOn", noticeStartsOn.toString()));
    }

    public Response review(String caseId, LocalDate on) {
        return step(townshipOfficer, caseId, "township-review", Map.of("decision", "APPROVE", "reviewedOn", on.toString()));
    }

    public Response decide(String caseId, LocalDate on) {
        return step(countyAdmin, caseId, "county-decision", Map.of("decision", "APPROVE", "announcedOn", on.toString()));
    }

    Response object(String token, String caseId, LocalDate filedOn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("text", "他家去年買了小汽車", "filedOn", filedOn.toString()))
                .post("/api/v1/cases/" + caseId + "/objections");
    }

    Response finding(String token, String caseId, String objectionId, String finding) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("finding", finding, "reason", "經核實"))
                .post("/api/v1/cases/" + caseId + "/objections/" + objectionId + "/finding");
    }

    /** An exit proposed 35 days ago, verified, acknowledged and appraised, its village notice up from {@code noticeStartsOn}. */
    public String exitUnderNoticeFrom(LocalDate noticeStartsOn) {
        String caseId = opened("EXIT", TODAY.minusDays(35));
        verify(team, caseId, TODAY.minusDays(34)).then().statusCode(200);
        acknowledge(caseId, TODAY.minusDays(33)).then().statusCode(200);
        appraise(caseId, TODAY.minusDays(32), 15, noticeStartsOn).then().statusCode(200);
        return caseId;
    }

    Response household() {
        return given().auth().oauth2(countyAdmin).get("/api/v1/households/" + householdId);
    }
}
