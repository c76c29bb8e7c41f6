package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.fupin.suite.Suite;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Takes a household's case (兩公示一公告) through every stage to the county's approval on a given day, each
 * stage by the role whose stage it is, with the suite's tokens (one subject per role, so four eyes hold):
 * the work team proposes, the village cadre verifies, takes the household's acknowledgement and holds the
 * appraisal, the township reviews, the county approves. The procedure is dated backwards from the
 * announcement: a notice's length (and for IDENTIFY two) before it, so that the status changes on that day.
 */
final class CaseDecisions {

    /** The notice length the suite runs with (fupin.cases.notice-days). */
    static final int NOTICE_DAYS = 7;

    private CaseDecisions() {
    }

    /** Walks a case of {@code kind} for the household of {@code village} to its approval announced on {@code announcedOn}. */
    static String approve(Suite suite, String householdId, String village, String kind, LocalDate announcedOn) {
        String county = village.substring(0, 6);
        String team = suite.token("assistance-officer", village);
        String cadre = suite.token("village-cadre", village);
        String township = suite.token("township-officer", village.substring(0, 9));
        String admin = suite.token("county-admin", county);
        boolean identify = kind.equals("IDENTIFY");
        LocalDate proposed = announcedOn.minusDays(NOTICE_DAYS * (identify ? 2L : 1L) + 1);
        LocalDate noticeEnds = proposed.plusDays(NOTICE_DAYS);

        Response opened = given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("householdId", householdId,
                "kind", kind, "proposedOn", proposed.toString(), "reason", "测试县：" + kind)).post("/api/v1/cases");
        assertThat(opened.statusCode()).as("%s case: %s", kind, opened.asString()).isEqualTo(201);
        String caseId = opened.path("id");
        step(admin, cadre, caseId, "verification", Map.of("visitedOn", proposed.toString(), "findings", "入户核实属实", "agrees", true));
        if (kind.equals("EXIT")) {
            step(admin, cadre, caseId, "acknowledgement", Map.of("signedOn", proposed.toString(), "agrees", true));
        }
        Map<String, Object> appraisal = new HashMap<>();
        appraisal.put("meetingOn", proposed.toString());
        appraisal.put("attendees", 21);
        appraisal.put("votesFor", 19);
        appraisal.put("votesAgainst", 1);
        appraisal.put("abstentions", 1);
        appraisal.put("noticeStartsOn", proposed.toString());
        step(admin, cadre, caseId, "appraisal", appraisal);
        step(admin, township, caseId, "township-review", Map.of("decision", "APPROVE", "reviewedOn", noticeEnds.toString()));
        step(admin, admin, caseId, "county-decision", Map.of("decision", "APPROVE", "announcedOn", announcedOn.toString()));
        return caseId;
    }

    private static void step(String reader, String token, String caseId, String stage, Map<String, Object> body) {
        String etag = given().auth().oauth2(reader).get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        Response answer = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/cases/" + caseId + "/" + stage);
        assertThat(answer.statusCode()).as("%s of case %s: %s", stage, caseId, answer.asString()).isEqualTo(200);
    }
}
