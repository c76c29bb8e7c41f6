package org.fupin.assistance.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
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

/**
 * Confirmations collected offline, sent in one batch: each answered on its own; a measure confirmed by someone else
 * meanwhile as CONFLICT with the measure as it is now; the same item again as DUPLICATE; another item under a used id
 * refused; an item a single request would refuse, refused alone.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class ConfirmationBatchApiTest {

    private final String admin = TestTokens.token("county-admin");

    @Test
    void confirmationsAreAnsweredOneByOne() {
        String village = Fixtures.village();
        String helper = Fixtures.helper(5);
        String calm = measure(Fixtures.household(village), helper, "IN_PROGRESS");
        String busy = measure(Fixtures.household(village), helper, "IN_PROGRESS");
        String planned = measure(Fixtures.household(village), helper, "PLANNED");

        Map<String, Object> accepted = item(calm, 0);
        Map<String, Object> conflicting = item(busy, 0);
        Map<String, Object> notStarted = item(planned, 0);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/measures/" + busy + "/confirmations").then().statusCode(201);

        JsonPath answer = batch(List.of(accepted, conflicting, notStarted));
        assertThat(answer.getList("results.status", String.class)).containsExactly("ACCEPTED", "CONFLICT", "REJECTED");
        assertThat(answer.getString("results[1].current.id")).isEqualTo(busy);
        assertThat(answer.getString("results[1].current.confirmedOn")).isEqualTo(CountyCalendar.today().toString());
        assertThat(answer.getString("results[2].code")).isEqualTo("measure-not-started");

        assertThat(batch(List.of(accepted)).getString("results[0].status")).isEqualTo("DUPLICATE");
        Map<String, Object> reused = new HashMap<>(item(planned, 0));
        reused.put("id", accepted.get("id"));
        assertThat(batch(List.of(reused)).getString("results[0].code")).isEqualTo("client-id-conflict");
        Map<String, Object> unknownField = new HashMap<>(item(calm, 0));
        unknownField.put("amount", 5);
        assertThat(batch(List.of(unknownField)).getString("results[0].code")).isEqualTo("unknown-field");

        given().auth().oauth2(admin).get("/api/v1/measures/" + calm).then().statusCode(200)
                .body("confirmedOn", equalTo(CountyCalendar.today().toString()));
        given().auth().oauth2(admin).get("/api/v1/measures/" + planned).then().statusCode(200).body("confirmedOn", equalTo(null));
    }

    private JsonPath batch(List<Map<String, Object>> items) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/measures/confirmations/batch").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> item(String measure, long baseVersion) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", UUID.randomUUID().toString());
        item.put("measureId", measure);
        item.put("baseVersion", baseVersion);
        return item;
    }

    private String measure(UUID household, String helper, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INDUSTRY");
        body.put("householdId", household.toString());
        body.put("provider", Map.of("kind", "HELPER", "id", helper));
        body.put("amount", new BigDecimal("800"));
        body.put("startedOn", CountyCalendar.today().minusDays(5).toString());
        body.put("status", status);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/measures")
                .then().statusCode(201).extract().path("id");
    }
}
