package org.fupin.assistance.mywork;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.fupin.assistance.Fixtures;
import org.fupin.testing.CountyCalendar;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * My work: the caller's helper record through the account the county linked, its households with their due visits,
 * and what happens when the register cannot be read (no household-service runs beside the module tests).
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class MyWorkApiTest {

    private final String admin = Fixtures.ADMIN;

    @Test
    void aLinkedHelperSeesTheirHouseholdsAndTheVisitsFallingDueWithoutTheRegister() {
        String village = Fixtures.village();
        String helper = Fixtures.helper(5);
        UUID neverVisited = Fixtures.household(village);
        UUID visitedLongAgo = Fixtures.household(village);
        UUID visitedLately = Fixtures.household(village);
        LocalDate paired = CountyCalendar.today().minusDays(60);
        Fixtures.pair(helper, neverVisited, paired);
        Fixtures.pair(helper, visitedLongAgo, paired);
        Fixtures.pair(helper, visitedLately, paired);
        String subject = "cadre-" + UUID.randomUUID();
        String cadre = TestTokens.sign(TestTokens.claims(subject, "village-cadre", village));
        recordVisit(cadre, helper, visitedLongAgo, Instant.now().minus(26, ChronoUnit.DAYS));
        recordVisit(cadre, helper, visitedLately, Instant.now().minus(2, ChronoUnit.DAYS));

        given().auth().oauth2(cadre).get("/api/v1/my-work").then().statusCode(404).body("code", equalTo("no-helper-account"));
        link(helper, subject).then().statusCode(200).body("helperId", equalTo(helper)).body("subject", equalTo(subject));

        JsonPath work = given().auth().oauth2(cadre).get("/api/v1/my-work").then().statusCode(200).extract().jsonPath();
        assertThat(work.getString("helperId")).isEqualTo(helper);
        assertThat(work.getList("households.householdId", String.class))
                .containsExactlyInAnyOrder(neverVisited.toString(), visitedLongAgo.toString(), visitedLately.toString());
        // Never visited in 60 days: overdue. Visited 26 days ago: due within the week (30 days). Lately: not yet.
        assertThat(work.getList("dueVisits.householdId", String.class))
                .containsExactly(neverVisited.toString(), visitedLongAgo.toString());
        assertThat(work.getList("dueVisits.overdue", Boolean.class)).containsExactly(true, false);
        assertThat(work.getString("dueVisits[1].dueOn")).isEqualTo(CountyCalendar.today().plusDays(4).toString());
        Map<String, Object> lately = work.getMap("households.find { it.householdId == '" + visitedLately + "' }");
        assertThat(lately.get("visitOverdue")).isEqualTo(false);
        assertThat(lately.get("nextVisitDueOn")).isEqualTo(CountyCalendar.today().plusDays(28).toString());
        assertThat(lately.get("lastVisitAt")).isNotNull();
        // The register is not running here: no cards and no alerts, said so, and the rest is complete.
        assertThat(work.getString("registry")).isEqualTo("UNAVAILABLE");
        assertThat(work.getList("households.card")).containsOnlyNulls();
        assertThat(work.getList("openAlerts")).isEmpty();
        assertThat(work.getInt("outsideRegion")).isZero();

        // The same account signed in for another village sees none of these households, and is told how many.
        String elsewhere = TestTokens.sign(TestTokens.claims(subject, "village-cadre", Fixtures.village()));
        JsonPath outside = given().auth().oauth2(elsewhere).get("/api/v1/my-work").then().statusCode(200).extract().jsonPath();
        assertThat(outside.getList("households")).isEmpty();
        assertThat(outside.getInt("outsideRegion")).isEqualTo(3);
    }

    @Test
    void anAccountBelongsToOneHelperAndUnlinkingEndsMyWork() {
        String first = Fixtures.helper(5);
        String second = Fixtures.helper(5);
        String subject = "cadre-" + UUID.randomUUID();
        link(first, subject).then().statusCode(200);
        link(second, subject).then().statusCode(409).body("code", equalTo("account-linked-elsewhere"));
        given().auth().oauth2(admin).get("/api/v1/helpers/" + second + "/account").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/helpers/" + first + "/account").then().statusCode(200)
                .body("subject", equalTo(subject));

        String cadre = TestTokens.sign(TestTokens.claims(subject, "village-cadre", Fixtures.village()));
        given().auth().oauth2(cadre).get("/api/v1/my-work").then().statusCode(200).body("helperId", equalTo(first));
        given().auth().oauth2(admin).delete("/api/v1/helpers/" + first + "/account").then().statusCode(204);
        given().auth().oauth2(cadre).get("/api/v1/my-work").then().statusCode(404).body("code", equalTo("no-helper-account"));
        link(second, subject).then().statusCode(200);

        // Linking is the county's: a village cadre may not link, an integrator may not read its work.
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("subject", "me"))
                .put("/api/v1/helpers/" + first + "/account").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("integrator")).get("/api/v1/my-work").then().statusCode(403);
        link(first, " ").then().statusCode(400).body("errors.field", contains("subject"));
    }

    private Response link(String helper, String subject) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("subject", subject))
                .put("/api/v1/helpers/" + helper + "/account");
    }

    private static void recordVisit(String token, String helper, UUID household, Instant at) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID().toString(),
                        "helperId", helper, "householdId", household.toString(), "visitedAt", at.toString(), "riskObserved", false))
                .post("/api/v1/visits").then().statusCode(201);
    }
}
