package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.e2e.ErrorScenario.View;
import org.fupin.suite.Suite;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The error codes of the privacy policy and the duplicate check (issue 17), each provoked through the gateway: a
 * search by a field the caller does not see in full, an integrator without a granted purpose, a possible duplicate,
 * and decisions on pairs of the review queue that were decided already or reach outside the officer's region.
 */
final class PrivacyErrorScenarios {

    private final String admin;
    private final String officerA;
    private final String villageA;
    private final String villageB;
    private final Map<String, Object> registeredHead;
    private final String registered;
    private final String pairInA;
    private final String pairAcross;
    private final String pairReopened;
    private final String pairWithLeaver;
    private final String leaverNamesake;
    private final Suite suite;

    /** Two townships of the county with a village each: a registered household, and pairs confirmed as two people. */
    PrivacyErrorScenarios(Suite suite, String county, String townshipA, String townshipB) {
        this.suite = suite;
        admin = suite.token("county-admin", county);
        officerA = suite.token("township-officer", townshipA);
        villageA = townshipA + "221";
        villageB = townshipB + "221";
        SuiteSliceIT.putRegion(admin, townshipB, "隐私错码乙镇", "TOWNSHIP", county, 800);
        SuiteSliceIT.putRegion(admin, villageA, "隐私错码甲村", "VILLAGE", townshipA, 300);
        SuiteSliceIT.putRegion(admin, villageB, "隐私错码乙村", "VILLAGE", townshipB, 300);
        Response first = register(Households.household(villageA, 1));
        registered = first.path("id");
        registeredHead = first.path("members[0]");
        // The same person registered again with a confirmation: in the same township, and across the two.
        pairInA = confirmedPair(villageA, 500);
        pairAcross = confirmedPair(villageB, 700);
        // A confirmation the officer undid: the pair waits for a decision.
        pairReopened = namesakePair(1, 0)[0];
        undo(pairReopened);
        // A head's namesake as the second member of a household, who then married out: nothing left to merge.
        String[] withLeaver = namesakePair(2, 1);
        pairWithLeaver = withLeaver[0];
        leaverNamesake = withLeaver[2];
        given().auth().oauth2(admin).queryParam("reason", "MARRIED_OUT")
                .delete("/api/v1/households/" + withLeaver[3] + "/members/" + withLeaver[1]).then().statusCode(204);
        undo(pairWithLeaver);
    }

    /**
     * A household of villageA, and another whose member {@code index} is its head's namesake born the same day, confirmed
     * as another person: the pair, the namesake's member id, the head's member id and the namesake's household id.
     */
    private String[] namesakePair(int members, int index) {
        Map<String, Object> head = register(Households.household(villageA, 1)).path("members[0]");
        Map<String, Object> body = Households.household(villageA, members);
        @SuppressWarnings("unchecked")
        Map<String, Object> member = ((List<Map<String, Object>>) body.get("members")).get(index);
        member.putAll(namesakeOf(head, 300));
        body.put("duplicateConfirmation", "同名同日生，入户核实为两个人");
        Response again = register(body);
        String namesake = again.path("members[" + index + "].id");
        return new String[] { pairOf(villageA, namesake), namesake, (String) head.get("id"), again.path("id") };
    }

    private void undo(String pair) {
        given().auth().oauth2(officerA).contentType(ContentType.JSON).body(Map.of("reason", "复核：确认有误"))
                .post("/api/v1/duplicate-candidates/" + pair + "/undo").then().statusCode(200);
    }

    private Response register(Map<String, Object> body) {
        Response response = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/households");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response;
    }

    /** A household whose head has the registered head's name and birth date, confirmed as another person. */
    private String confirmedPair(String village, int serialOffset) {
        Map<String, Object> body = sameHeadAgain(village, serialOffset);
        body.put("duplicateConfirmation", "同名同日生，入户核实为两个人");
        return pairOf(village, register(body).path("members[0].id"));
    }

    /** The pair the registration of {@code member} recorded as two people. */
    private String pairOf(String village, String member) {
        List<Map<String, Object>> pairs = given().auth().oauth2(admin).queryParam("region", village).queryParam("status", "DISTINCT")
                .get("/api/v1/duplicate-candidates").then().statusCode(200).extract().jsonPath().getList("items");
        return pairs.stream().filter(p -> member.equals(((Map<?, ?>) p.get("a")).get("memberId"))
                || member.equals(((Map<?, ?>) p.get("b")).get("memberId"))).map(p -> (String) p.get("id")).findFirst().orElseThrow();
    }

    /** A household whose head is the registered head's namesake born the same day, with another serial (one digit apart). */
    private Map<String, Object> sameHeadAgain(String village, int serialOffset) {
        Map<String, Object> body = Households.household(village, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
        head.putAll(namesakeOf(registeredHead, serialOffset));
        return body;
    }

    /** A person's name, and an ID number of the same birth date with another serial (one digit apart). */
    private static Map<String, Object> namesakeOf(Map<String, Object> person, int serialOffset) {
        String taken = (String) person.get("idNumber");
        return Map.of("name", person.get("name"),
                "idNumber", Households.withSerial(taken, (Integer.parseInt(taken.substring(14, 17)) + serialOffset) % 1000));
    }

    List<ErrorScenario> all() {
        String auditor = suite.token("auditor", villageA.substring(0, 6));
        return List.of(
                ErrorScenario.of("search-not-permitted", "an auditor, who sees ID numbers masked, searches households by one")
                        .answers(403, "search-not-permitted").unchanged(households(villageA))
                        .when(() -> given().auth().oauth2(auditor).queryParam("q", registeredHead.get("idNumber"))
                                .get("/api/v1/households")),
                ErrorScenario.of("purpose-required", "an integrator's token that names no purpose reads a household")
                        .answers(403, "purpose-required").unchanged(households(villageA))
                        .when(() -> given().auth().oauth2(integratorWithoutPurpose()).get("/api/v1/households/" + registered)),
                ErrorScenario.of("purpose-not-granted", "an integrator's token names a purpose the county did not grant")
                        .answers(403, "purpose-not-granted").unchanged(households(villageA))
                        .when(() -> given().auth().oauth2(suite.token("integrator", villageA.substring(0, 6), "marketing"))
                                .get("/api/v1/households/" + registered)),
                ErrorScenario.of("possible-duplicate", "registering the registered head again: same name, same birth date")
                        .answers(409, "possible-duplicate").unchanged(households(villageB))
                        .when(() -> given().auth().oauth2(admin).contentType(ContentType.JSON).body(sameHeadAgain(villageB, 900))
                                .post("/api/v1/households")),
                ErrorScenario.of("duplicate-already-decided", "dismissing a pair the registering cadre confirmed as two people")
                        .answers(409, "duplicate-already-decided").unchanged(pair(pairInA))
                        .when(() -> dismiss(officerA, pairInA)),
                ErrorScenario.of("duplicate-outside-region", "a township officer dismisses a pair with a household in another township")
                        .answers(403, "duplicate-outside-region").unchanged(pair(pairAcross))
                        .when(() -> dismiss(officerA, pairAcross)),
                ErrorScenario.of("duplicate-not-decided", "undoing the decision on a pair that waits for one")
                        .answers(409, "duplicate-not-decided").unchanged(pair(pairReopened))
                        .when(() -> decide(officerA, pairReopened, "undo", Map.of("reason", "撤销一个没有的决定"))),
                ErrorScenario.of("not-in-pair", "merging a pair keeping a member record that is not one of its two")
                        .answers(400, "validation-failed").field("keep", "not-in-pair").unchanged(pair(pairReopened))
                        .when(() -> decide(officerA, pairReopened, "merge", Map.of("keep", registered, "reason", "保留另一户的记录"))),
                ErrorScenario.of("duplicate-member-removed", "merging a pair whose record married out since it was found")
                        .answers(409, "duplicate-member-removed").unchanged(pair(pairWithLeaver), households(villageA))
                        .when(() -> decide(officerA, pairWithLeaver, "merge", Map.of("keep", leaverNamesake,
                                "reason", "入户核实为同一人"))));
    }

    /** What ./suite token never mints: an integrator's token without the purpose claim. */
    private String integratorWithoutPurpose() {
        return io.smallrye.jwt.build.Jwt.issuer("fupin-suite").audience("fupin-api").subject("integrator-without-purpose")
                .groups(java.util.Set.of("integrator")).claim("region", villageA.substring(0, 6)).issuedAt(java.time.Instant.now())
                .expiresIn(java.time.Duration.ofMinutes(10)).sign(suite.signingKey());
    }

    private Response decide(String token, String pair, String decision, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(body))
                .post("/api/v1/duplicate-candidates/" + pair + "/" + decision);
    }

    private Response dismiss(String token, String pair) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(Map.of("reason", "入户核实为两个人")))
                .post("/api/v1/duplicate-candidates/" + pair + "/dismissal");
    }

    private View households(String village) {
        return () -> given().auth().oauth2(admin).queryParam("region", village).queryParam("limit", 500).get("/api/v1/households")
                .then().statusCode(200).extract().asString();
    }

    private View pair(String id) {
        return () -> given().auth().oauth2(admin).get("/api/v1/duplicate-candidates/" + id).then().statusCode(200).extract().asString();
    }
}
