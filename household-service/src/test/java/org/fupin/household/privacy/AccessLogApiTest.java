package org.fupin.household.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.fupin.household.Fixtures;
import org.fupin.household.accesslog.service.AccessLogRetention;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every read of personal data is logged; auditors query and export the log; nobody rewrites it; it expires. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class AccessLogApiTest {

    /** What an entry holds: household ids, never a personal field. */
    private static final Set<String> ENTRY_FIELDS = Set.of("id", "at", "subject", "roles", "purpose", "policy", "requestId", "kind",
            "callerRegion", "householdCount", "householdIds");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessLogRetention retention;

    @Test
    void everyAnswerWithPersonalDataIsLoggedAndTheAuditorFindsItByHouseholdPersonCallerAndPeriod() {
        String village = Fixtures.freshVillage();
        String township = village.substring(0, 9);
        var created = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(village)).post("/api/v1/households").then().statusCode(201).extract();
        String id = created.path("id");
        String member = created.path("members[0].id");
        String other = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(village)).post("/api/v1/households").then().statusCode(201).extract().path("id");
        String cadre = TestTokens.sign(TestTokens.claims("cadre-" + village, "village-cadre", village));
        String integrator = TestTokens.sign(TestTokens.claims("integrator-" + village, "integrator", null));
        String officer = TestTokens.sign(TestTokens.claims("officer-" + village, "township-officer", township));
        String auditor = TestTokens.token("auditor");

        given().auth().oauth2(cadre).header("X-Request-Id", "read-" + id).get("/api/v1/households/" + id).then().statusCode(200);
        given().auth().oauth2(integrator).queryParam("region", village).get("/api/v1/households").then().statusCode(200);
        given().auth().oauth2(officer).accept("text/csv").queryParam("region", village).get("/api/v1/households")
                .then().statusCode(200);
        given().auth().oauth2(auditor).get("/api/v1/households/" + id + "/history").then().statusCode(200);
        // A search that finds nothing showed nobody's data: not logged.
        given().auth().oauth2(cadre).queryParam("q", "不存在的名字").get("/api/v1/households").then().statusCode(200)
                .body("items", empty());

        JsonPath byHousehold = given().auth().oauth2(auditor).queryParam("household", id).get("/api/v1/access-log")
                .then().statusCode(200).extract().jsonPath();
        // Newest first: the history, the export, the list page, the single read (the registrations are writes, not reads).
        assertThat(byHousehold.getList("items.kind")).containsExactly("HISTORY", "EXPORT", "LIST", "RECORD");
        assertThat(byHousehold.getList("items.subject")).containsExactly("test-auditor", "officer-" + village,
                "integrator-" + village, "cadre-" + village);
        assertThat(byHousehold.getList("items.purpose")).containsExactly(null, null, "statistics", null);
        assertThat(byHousehold.getList("items.policy")).containsExactly("auditor", "township-officer", "integrator/statistics",
                "village-cadre");
        assertThat(byHousehold.getString("items[3].requestId")).isEqualTo("read-" + id);
        assertThat(byHousehold.getList("items[1].householdIds")).containsExactlyInAnyOrder(id, other);
        assertThat(byHousehold.getInt("items[1].householdCount")).isEqualTo(2);
        for (Map<String, Object> entry : byHousehold.<Map<String, Object>>getList("items")) {
            assertThat(entry.keySet()).isSubsetOf(ENTRY_FIELDS);
        }

        // By the person: the household the member belongs to.
        given().auth().oauth2(auditor).queryParam("member", member).get("/api/v1/access-log").then().statusCode(200)
                .body("items.kind", contains("HISTORY", "EXPORT", "LIST", "RECORD"));
        // By caller, and by caller and household together.
        given().auth().oauth2(auditor).queryParam("caller", "cadre-" + village).get("/api/v1/access-log").then().statusCode(200)
                .body("items.householdIds", contains(List.of(id)));
        given().auth().oauth2(auditor).queryParam("caller", "integrator-" + village).queryParam("household", other)
                .get("/api/v1/access-log").then().statusCode(200).body("items.kind", contains("LIST"));
        // By period, in the county's days.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        given().auth().oauth2(auditor).queryParam("household", id).queryParam("from", today.toString())
                .queryParam("to", today.toString()).get("/api/v1/access-log").then().body("items.kind", hasItem("RECORD"));
        given().auth().oauth2(auditor).queryParam("household", id).queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/access-log").then().statusCode(200).body("items", empty());
        // Pages.
        String cursor = given().auth().oauth2(auditor).queryParam("household", id).queryParam("limit", 3)
                .get("/api/v1/access-log").then().statusCode(200).body("items.kind", contains("HISTORY", "EXPORT", "LIST"))
                .extract().path("nextCursor");
        given().auth().oauth2(auditor).queryParam("household", id).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/access-log").then().statusCode(200).body("items.kind", contains("RECORD"));

        // The export, and one entry alone.
        String csv = given().auth().oauth2(auditor).accept("text/csv").queryParam("household", id).get("/api/v1/access-log")
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("id,at,subject,roles,purpose,policy,requestId,kind,callerRegion,householdCount,householdIds");
        assertThat(csv.lines().skip(1)).hasSize(4).anySatisfy(line -> assertThat(line).contains("read-" + id, "RECORD", id));
        long entry = byHousehold.getLong("items[1].id");
        given().auth().oauth2(auditor).get("/api/v1/access-log/" + entry).then().statusCode(200)
                .body("kind", equalTo("EXPORT")).body("householdCount", equalTo(2));
    }

    @Test
    void onlyAuditorsAndCountyAdminsOfTheRegionReadTheLogAndBadFiltersAnswer400() {
        String village = Fixtures.freshVillage();
        String id = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(village)).post("/api/v1/households").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.token("county-admin")).get("/api/v1/households/" + id).then().statusCode(200);

        given().auth().oauth2(TestTokens.token("county-admin")).queryParam("household", id).get("/api/v1/access-log")
                .then().statusCode(200).body("items.kind", contains("RECORD"));
        for (String role : List.of("analyst", "integrator", "assistance-officer")) {
            given().auth().oauth2(TestTokens.token(role)).get("/api/v1/access-log").then().statusCode(403)
                    .body("code", equalTo("forbidden"));
        }
        given().auth().oauth2(TestTokens.token("village-cadre", village)).get("/api/v1/access-log").then().statusCode(403);
        // An auditor of another county sees none of this county's entries, and not its members.
        given().auth().oauth2(TestTokens.token("auditor", "500236")).queryParam("household", id).get("/api/v1/access-log")
                .then().statusCode(200).body("items", empty());

        String auditor = TestTokens.token("auditor");
        given().auth().oauth2(auditor).queryParam("household", "not-a-uuid").get("/api/v1/access-log").then().statusCode(400)
                .body("code", equalTo("invalid-parameter")).body("errors.field", contains("household"));
        given().auth().oauth2(auditor).queryParam("from", "2026-13-01").get("/api/v1/access-log").then().statusCode(400)
                .body("errors.field", contains("from"));
        given().auth().oauth2(auditor).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/access-log")
                .then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(auditor).queryParam("kind", "PEEK").get("/api/v1/access-log").then().statusCode(400);
        given().auth().oauth2(auditor).queryParam("member", UUID.randomUUID().toString()).get("/api/v1/access-log")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(auditor).get("/api/v1/access-log/99999999999").then().statusCode(404);
        // An entry's id is a whole number (int64 in the document): anything else names no entry.
        given().auth().oauth2(auditor).get("/api/v1/access-log/abc").then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void theLogRefusesUpdatesAndDeletesAndTheRetentionJobDeletesOnlyWhatIsOlderThanTheRetention() throws SQLException {
        String village = Fixtures.freshVillage();
        String id = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(village)).post("/api/v1/households").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.token("village-cadre", village)).get("/api/v1/households/" + id).then().statusCode(200);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update access_log set subject = 'someone-else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from access_log"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("truncate access_log"))
                    .hasMessageContaining("append-only");
            try (PreparedStatement old = connection.prepareStatement("""
                    insert into access_log (at, subject, roles, policy, request_id, kind, caller_region, household_ids, household_count)
                    values (?, 'reader-of-long-ago', '{village-cadre}', 'village-cadre', 'old', 'RECORD', ?, array[cast(? as uuid)], 1)""")) {
                old.setObject(1, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(4 * 365))));
                old.setString(2, village);
                old.setString(3, id);
                old.executeUpdate();
            }
        }
        // Listed in the order recorded, the last first; the back-dated row was recorded last.
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("household", id).get("/api/v1/access-log")
                .then().body("items.subject", contains("reader-of-long-ago", "test-village-cadre"));

        int deleted = retention.deleteBefore(Instant.now().minus(Duration.ofDays(1095)));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("household", id).get("/api/v1/access-log")
                .then().body("items.subject", contains("test-village-cadre"));
    }
}
