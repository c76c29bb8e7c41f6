package org.fupin.household.duplicates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.household.Fixtures;
import org.fupin.household.duplicates.LegacyRegister.Household;
import org.fupin.household.duplicates.LegacyRegister.Person;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The decisions of the review queue that change the register: a merge retires the record of a person registered twice
 * from the day the other record began, a move removes the record of a person who lives in the other household, an undo
 * restores the record, and each publishes what reports need to follow. The rules of a member's removal hold.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class DuplicateDecisionsApiTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final EventSchemas SCHEMAS = new EventSchemas(CODEC);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergeRetiresOneRecordAMoveRemovesItAndAnUndoRestoresItEachWithItsEvent() throws Exception {
        String village = Fixtures.freshVillage();
        String officer = TestTokens.token("township-officer", village.substring(0, 9));
        LegacyRegister register = new LegacyRegister(dataSource);
        Household x = register.household(village, 1, List.of(new Person("周大年", "50023519600101123", "HEAD"),
                new Person("刘晓梅", "50023519900304224", "CHILD")));
        Household y = register.household(village, 2, List.of(new Person("吴长江", "50023519620202135", "HEAD"),
                new Person("劉曉梅", "50023519900304265", "OTHER")));
        UUID kept = x.members().get(1);
        UUID twice = y.members().get(1);
        register.household(village, 3, "郑春花", LegacyRegister.id("50023519700505146"));
        register.household(village, 4, "鄭春花", LegacyRegister.id("50023519700505187"));
        LegacyRegister.scan(officer, village);
        String pair = pairOf(officer, kept, "OPEN");
        String loners = given().auth().oauth2(officer).get("/api/v1/duplicate-candidates").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.id != '" + pair + "' }.id");

        decide(officer, pair, "merge", Map.of("keep", UUID.randomUUID().toString(), "reason", "入户核实为同一人")).then()
                .statusCode(400).body("errors.field", contains("keep")).body("errors.code", contains("not-in-pair"));
        decide(officer, pair, "undo", Map.of("reason", "还没有决定可撤销")).then().statusCode(409)
                .body("code", equalTo("duplicate-not-decided"));
        // Each side of the other pair is its household's only member: a household is not left empty by a merge.
        decide(officer, loners, "merge", Map.of("keep", memberOf(officer, loners, "a"), "reason", "入户核实为同一人")).then()
                .statusCode(422).body("code", equalTo("last-member"));
        given().auth().oauth2(officer).get("/api/v1/duplicate-candidates/" + loners).then().body("status", equalTo("OPEN"))
                .body("a.current", equalTo(true)).body("b.current", equalTo(true));

        // Merge: the record in Y is retired from the day X's record began (both households registered on 2016-05-01).
        decide(officer, pair, "merge", Map.of("keep", kept.toString(), "reason", "入户核实：同一人在两户重复登记")).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("retiredMemberId", equalTo(twice.toString()))
                .body("retiredFrom", equalTo("2016-05-01"));
        given().auth().oauth2(officer).get("/api/v1/households/" + y.id()).then().statusCode(200)
                .body("members.id", not(hasItem(twice.toString())));
        given().auth().oauth2(officer).get("/api/v1/households/" + x.id()).then().body("members.id", hasItem(kept.toString()));
        for (Household household : List.of(x, y)) {
            given().auth().oauth2(officer).get("/api/v1/households/" + household.id() + "/history").then().statusCode(200)
                    .body("items[0].action", equalTo("DUPLICATE_MERGED"))
                    .body("items[0].reason", equalTo("入户核实：同一人在两户重复登记"));
        }
        given().auth().oauth2(officer).get("/api/v1/households/" + y.id() + "/history").then()
                .body("items[0].changes.field", hasItem("members[" + twice + "].name"));
        decide(officer, pair, "merge", Map.of("keep", kept.toString(), "reason", "再合并一次")).then().statusCode(409)
                .body("code", equalTo("duplicate-already-decided"));
        CloudEvent removed = events(y.id(), 1).get(0);
        assertThat(removed.type()).isEqualTo("household.member-removed");
        assertThat(removed.dataschema()).isEqualTo("urn:fupin:events:household.member-removed:v2");
        assertThat(removed.data().get("reason").asText()).isEqualTo("DUPLICATE");
        assertThat(removed.data().get("duplicateOf").asText()).isEqualTo(kept.toString());
        assertThat(removed.data().get("effectiveDate").asText()).isEqualTo("2016-05-01");

        // Undo: the record is current again and the pair waits for a decision.
        decide(officer, pair, "undo", Map.of("reason", "核实有误，撤销合并")).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("retiredMemberId", nullValue()).body("decidedBy", nullValue());
        given().auth().oauth2(officer).get("/api/v1/households/" + y.id()).then().body("members.id", hasItem(twice.toString()));
        CloudEvent restored = events(y.id(), 2).get(1);
        assertThat(restored.type()).isEqualTo("household.member-restored");
        assertThat(restored.data().get("memberId").asText()).isEqualTo(twice.toString());

        // Move: the person lives in X; the record in Y leaves on the day they moved, not before its first day.
        decide(officer, pair, "move", Map.of("member", twice.toString(), "effectiveDate", "2015-12-31", "reason", "已迁入另一户")).then()
                .statusCode(400).body("errors.field", contains("effectiveDate"));
        decide(officer, pair, "move", Map.of("member", twice.toString(), "effectiveDate", "2021-03-01", "reason", "已迁入另一户"))
                .then().statusCode(200).body("status", equalTo("MOVED")).body("retiredFrom", equalTo("2021-03-01"));
        CloudEvent moved = events(y.id(), 3).get(2);
        assertThat(moved.data().get("reason").asText()).isEqualTo("MOVED_OUT");
        assertThat(moved.data().get("effectiveDate").asText()).isEqualTo("2021-03-01");
        assertThat(moved.data().get("duplicateOf").asText()).isEqualTo(kept.toString());
        given().auth().oauth2(officer).queryParam("status", "MOVED").get("/api/v1/duplicate-candidates").then()
                .body("items.id", contains(pair));
        given().auth().oauth2(officer).get("/api/v1/households/" + y.id() + "/history").then()
                .body("items.action", contains("DUPLICATE_MERGED", "DUPLICATE_DECISION_UNDONE", "DUPLICATE_MOVED"));

        // A record that left its household by other means since the pair was found: nothing left to merge.
        decide(officer, pair, "undo", Map.of("reason", "迁移日期有误，撤销")).then().statusCode(200);
        given().auth().oauth2(officer).queryParam("reason", "DUPLICATE").delete("/api/v1/households/" + y.id() + "/members/" + twice)
                .then().statusCode(400).body("errors.code", contains("invalid-member-removal-reason"));
        given().auth().oauth2(officer).queryParam("reason", "MARRIED_OUT").delete("/api/v1/households/" + y.id() + "/members/" + twice)
                .then().statusCode(204);
        decide(officer, pair, "merge", Map.of("keep", kept.toString(), "reason", "入户核实为同一人")).then().statusCode(409)
                .body("code", equalTo("duplicate-member-removed"));
        io.restassured.path.json.JsonPath open = given().auth().oauth2(officer).get("/api/v1/duplicate-candidates/" + pair).then()
                .body("status", equalTo("OPEN")).extract().jsonPath();
        String side = open.getString("a.memberId").equals(twice.toString()) ? "a" : "b";
        assertThat(open.getBoolean(side + ".current")).isFalse();
    }

    @Test
    void aMemberAddedLaterIsRetiredFromTheDayItJoinedAndDecisionsStayWithinTheRegion() throws Exception {
        String village = Fixtures.freshVillage();
        String officer = TestTokens.token("township-officer", village.substring(0, 9));
        UUID older = new LegacyRegister(dataSource).household(village, 1, List.of(new Person("冯志远", "50023519580709117", "HEAD"),
                new Person("韩雪", "50023519950812228", "CHILD"))).members().get(1);
        LegacyRegister.scan(officer, village); // gives the legacy rows their name readings, as the first scan does
        String household = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Fixtures.household(village))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        Map<String, Object> namesake = Fixtures.member("韓雪", LegacyRegister.id("50023519950812269"), "CHILD");
        namesake.put("duplicateConfirmation", "登记时以为是两个人");
        String added = given().auth().oauth2(officer).contentType(ContentType.JSON).body(namesake)
                .post("/api/v1/households/" + household + "/members").then().statusCode(201).extract().path("id");
        String pair = pairOf(officer, older, "DISTINCT");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

        String elsewhere = TestTokens.token("township-officer", Fixtures.freshVillage().substring(0, 9));
        decide(elsewhere, pair, "undo", Map.of("reason", "不是我辖区的记录")).then().statusCode(404);
        decide(officer, pair, "undo", Map.of("reason", "复核：其实是同一人")).then().statusCode(200).body("status", equalTo("OPEN"));
        decide(officer, pair, "merge", Map.of("keep", older.toString(), "reason", "复核：同一人重复登记")).then().statusCode(200)
                .body("retiredMemberId", equalTo(added)).body("retiredFrom", equalTo(today));
        decide(officer, pair, "merge", Map.of("reason", "没有说保留哪条")).then().statusCode(400).body("errors.field", contains("keep"));
    }

    private static Response decide(String token, String pair, String decision, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/duplicate-candidates/" + pair + "/" + decision);
    }

    private static String pairOf(String token, UUID member, String status) {
        return given().auth().oauth2(token).queryParam("status", status).get("/api/v1/duplicate-candidates").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.a.memberId == '" + member + "' || it.b.memberId == '" + member + "' }.id");
    }

    private static String memberOf(String token, String pair, String side) {
        return given().auth().oauth2(token).get("/api/v1/duplicate-candidates/" + pair).then().extract().path(side + ".memberId");
    }

    private static List<CloudEvent> events(UUID household, int atLeast) {
        String key = household.toString();
        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers()).readUntil("household.events",
                Duration.ofSeconds(20), read -> read.stream().filter(r -> key.equals(r.key())).count() >= atLeast);
        List<CloudEvent> events = records.stream().filter(r -> key.equals(r.key())).map(r -> CODEC.parse(r.value())).toList();
        events.forEach(event -> assertThat(SCHEMAS.violations(event)).as(event.type()).isEmpty());
        return events;
    }
}
