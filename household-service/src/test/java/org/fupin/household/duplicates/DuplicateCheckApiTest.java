package org.fupin.household.duplicates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.fupin.household.Fixtures;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * One person registered once: a registration, an added member or a changed member that may be someone already
 * registered answers 409 possible-duplicate with the candidates, unless the caller confirms with a reason.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class DuplicateCheckApiTest {

    private final String admin = TestTokens.token("county-admin");

    /** An ID number with the given first 17 digits and its check character. */
    private static String id(String body) {
        return body + IdNumber.checkCharacter(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> household(String village, String headName, String headIdNumber) {
        Map<String, Object> household = Fixtures.household(village);
        Map<String, Object> head = ((List<Map<String, Object>>) household.get("members")).get(0);
        head.put("name", headName);
        head.put("idNumber", headIdNumber);
        // Alone, so that only the head can match.
        household.put("members", List.of(head));
        return household;
    }

    private JsonPath register(String token, Map<String, Object> household, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(household).post("/api/v1/households")
                .then().statusCode(status).extract().jsonPath();
    }

    private static int households(String village) {
        return given().auth().oauth2(TestTokens.token("county-admin")).queryParam("region", village).get("/api/v1/households")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void theSamePersonInAnotherScriptAndVillageIsRefusedWithTheCandidateUntilConfirmedWithAReason() {
        String first = Fixtures.freshVillage();
        String second = Fixtures.freshVillage();
        JsonPath registered = register(admin, household(first, "張偉雄", id("50023519630917351")), 201);

        Map<String, Object> again = household(second, "张伟雄", id("50023519630917372"));
        String cadre = TestTokens.token("village-cadre", second);
        JsonPath refused = register(cadre, again, 409);
        assertThat(refused.getString("code")).isEqualTo("possible-duplicate");
        assertThat(refused.getList("candidates")).hasSize(1);
        assertThat(refused.getString("candidates[0].member")).isEqualTo("members[0]");
        assertThat(refused.getString("candidates[0].memberId")).isEqualTo(registered.getString("members[0].id"));
        assertThat(refused.getString("candidates[0].householdNo")).isEqualTo(registered.getString("householdNo"));
        assertThat(refused.getList("candidates[0].reasons")).containsExactly("SAME_NAME_AND_BIRTH_DATE");
        // The candidate lives outside the cadre's village: shown masked, as the privacy policy says.
        assertThat(refused.getString("candidates[0].name")).isEqualTo("張*雄");
        String stored = id("50023519630917351");
        assertThat(refused.getString("candidates[0].idNumber")).isEqualTo(stored.substring(0, 6) + "********" + stored.substring(14));
        assertThat(households(second)).isZero();
        // The candidate shown is a read of the registered household's personal data, logged although nothing was written.
        String auditor = TestTokens.token("auditor");
        given().auth().oauth2(auditor).queryParam("household", registered.getString("id")).queryParam("kind", "DUPLICATES")
                .get("/api/v1/access-log").then().statusCode(200).body("items.subject", contains("test-village-cadre"));

        again.put("duplicateConfirmation", "短");
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(again).post("/api/v1/households")
                .then().statusCode(400).body("errors.field", contains("duplicateConfirmation"));
        assertThat(households(second)).isZero();

        again.put("duplicateConfirmation", "入户核实：两人同名同日生，身份证号不同，是两个人。");
        String id = register(cadre, again, 201).getString("id");
        JsonPath history = given().auth().oauth2(admin).get("/api/v1/households/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.action")).containsExactly("REGISTER", "DUPLICATE_CHECK_CONFIRMED_DISTINCT");
        assertThat(history.getString("items[1].reason")).isEqualTo("入户核实：两人同名同日生，身份证号不同，是两个人。");
        assertThat(history.getString("items[1].actor")).startsWith("test-village-cadre");
        assertThat(history.getString("items[1].changes[0].to.memberId")).isEqualTo(registered.getString("members[0].id"));
        assertThat(history.getList("items[1].changes[0].to.reasons")).containsExactly("SAME_NAME_AND_BIRTH_DATE");
        // Reading the pair in the review queue names both people: logged for both households.
        given().auth().oauth2(admin).queryParam("status", "DISTINCT").queryParam("region", second).get("/api/v1/duplicate-candidates")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        given().auth().oauth2(auditor).queryParam("household", id).queryParam("kind", "DUPLICATES").get("/api/v1/access-log").then()
                .statusCode(200).body("items[0].householdIds", org.hamcrest.Matchers.containsInAnyOrder(id, registered.getString("id")));
    }

    @Test
    void aNameThatReadsTheSameOrANearIdNumberWithTheSameNameIsAPossibleDuplicateTooButANamesakeIsNot() {
        String village = Fixtures.freshVillage();
        register(admin, household(village, "张卫东", id("50023519580402113")), 201);

        JsonPath pinyin = register(admin, household(village, "章卫东", id("50023519580402154")), 409);
        assertThat(pinyin.getList("candidates.reasons.flatten()")).containsExactly("SAME_PINYIN_AND_BIRTH_DATE");
        // The birth date typed 19580420 instead of 19580402, and a check character that fits the typo.
        JsonPath swapped = register(admin, household(village, "张卫东", id("50023519580420113")), 409);
        assertThat(swapped.getList("candidates.reasons.flatten()")).containsExactly("ID_NUMBER_DIGITS_SWAPPED");
        JsonPath oneDigit = register(admin, household(village, "张卫东", id("50023519580403113")), 409);
        assertThat(oneDigit.getList("candidates.reasons.flatten()")).containsExactly("ID_NUMBER_ONE_DIGIT_APART");
        // The cadre's own village: the candidate in full.
        assertThat(oneDigit.getString("candidates[0].name")).isEqualTo("张卫东");

        // A namesake born another day, with an ID number far from the other's: another person, registered at once.
        register(admin, household(village, "张卫东", id("50023519770811226")), 201);
    }

    @Test
    void addingOrRenamingAMemberToSomeoneRegisteredIsAPossibleDuplicateToo() {
        String village = Fixtures.freshVillage();
        JsonPath registered = register(admin, household(village, "欧阳明远", id("50023519900101331")), 201);
        var other = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households").then().statusCode(201).extract();
        String otherId = other.path("id");

        Map<String, Object> member = new java.util.HashMap<>(Fixtures.member("欧阳明远", id("50023519900101352"), "CHILD"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(member).post("/api/v1/households/" + otherId + "/members")
                .then().statusCode(409).body("code", equalTo("possible-duplicate"))
                .body("candidates", hasSize(1)).body("candidates[0].member", equalTo("member"))
                .body("candidates[0].memberId", equalTo(registered.getString("members[0].id")));
        member.put("duplicateConfirmation", "同名同日生的表兄弟，已核实");
        String added = given().auth().oauth2(admin).contentType(ContentType.JSON).body(member)
                .post("/api/v1/households/" + otherId + "/members").then().statusCode(201).extract().path("id");

        // Correcting the added member's ID number to one a digit from the registered person's asks again.
        String etag = given().auth().oauth2(admin).get("/api/v1/households/" + otherId).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("idNumber", id("50023519900111331"))).patch("/api/v1/households/" + otherId + "/members/" + added)
                .then().statusCode(409).body("code", equalTo("possible-duplicate"))
                .body("candidates.reasons.flatten()", contains("ID_NUMBER_ONE_DIGIT_APART"));
        given().auth().oauth2(admin).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("idNumber", id("50023519900111331"), "duplicateConfirmation", 42))
                .patch("/api/v1/households/" + otherId + "/members/" + added)
                .then().statusCode(400).body("errors.field", contains("duplicateConfirmation"));
        given().auth().oauth2(admin).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("idNumber", id("50023519900111331"), "duplicateConfirmation", "身份证号录错，已按户口本更正"))
                .patch("/api/v1/households/" + otherId + "/members/" + added)
                .then().statusCode(200).body("idNumber", equalTo(id("50023519900111331")));
    }
}
