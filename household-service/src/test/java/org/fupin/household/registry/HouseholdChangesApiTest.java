package org.fupin.household.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.household.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Changing household facts by merge patch, and adding, changing and removing members. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class HouseholdChangesApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private final String admin = TestTokens.token("county-admin");

    @Test
    void patchesHouseholdFactsWithIfMatchAndRecordsWhatChanged() {
        String id = register();
        given().auth().oauth2(admin).contentType(MERGE_PATCH).body(Map.of("phone", "023-55123456"))
                .patch("/api/v1/households/" + id)
                .then().statusCode(428);
        patch(id, Map.of("phone", "023-55123456", "address", "桂林村五组3号", "category", "GENERAL"))
                .then().statusCode(200)
                .body("phone", equalTo("023-55123456"))
                .body("address", equalTo("桂林村五组3号"));

        given().auth().oauth2(TestTokens.token("auditor")).get("/api/v1/households/" + id + "/history")
                .then().body("items[1].action", equalTo("UPDATE"))
                .body("items[1].changes.field", containsInAnyOrder("address", "phone"));
        CloudEvent updated = events(id, 2).get(1);
        assertThat(updated.type()).isEqualTo("household.updated");
        assertThat(updated.data().get("changedFields").toString()).isEqualTo("[\"address\",\"phone\"]");
        assertThat(updated.toString()).doesNotContain("023-55123456");
    }

    @Test
    void refusesPatchesThatBreakTheRulesOrNameFieldsThatCannotChange() {
        String id = register();
        patch(id, Map.of("status", "EXITED")).then().statusCode(400)
                .body("code", equalTo("unknown-field")).body("errors.field", contains("status"));
        patch(id, Map.of("category", 5)).then().statusCode(400)
                .body("code", equalTo("invalid-value")).body("errors.field", contains("category"));
        patch(id, Map.of("primaryCause", "DISASTER")).then().statusCode(400)
                .body("errors.code", hasItem("primary-cause-not-in-causes"));
        patch(id, Map.of("phone", "12345")).then().statusCode(400).body("errors.code", hasItem("phone-format"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("phone", "13900000000"))
                .patch("/api/v1/households/" + id)
                .then().statusCode(415).body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(admin).get("/api/v1/households/" + id)
                .then().body("phone", equalTo("13800138000")).header("ETag", "\"0\"");
    }

    @Test
    void keepsExactlyOneHeadWhileMembersComeAndGo() {
        String id = register();
        String child = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.member("张小山", Fixtures.idNumber("20100506", true), "CHILD"))
                .post("/api/v1/households/" + id + "/members")
                .then().statusCode(201).body("gender", equalTo("MALE")).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.member("张二山", Fixtures.idNumber("19800101", true), "HEAD"))
                .post("/api/v1/households/" + id + "/members")
                .then().statusCode(400).body("errors.code", contains("head-count"));

        String head = given().auth().oauth2(admin).get("/api/v1/households/" + id).then().extract().path("members[0].id");
        given().auth().oauth2(admin).queryParam("reason", "DECEASED")
                .delete("/api/v1/households/" + id + "/members/" + head)
                .then().statusCode(422).body("code", equalTo("head-removal"));

        patchMember(id, child, Map.of("relation", "HEAD")).then().statusCode(200).body("relation", equalTo("HEAD"));
        given().auth().oauth2(admin).get("/api/v1/households/" + id)
                .then().body("members.findAll { it.relation == 'HEAD' }", hasSize(1))
                .body("members.find { it.id == '" + head + "' }.relation", equalTo("OTHER"));

        given().auth().oauth2(admin).queryParam("reason", "GONE")
                .delete("/api/v1/households/" + id + "/members/" + head)
                .then().statusCode(400).body("errors.code", contains("invalid-member-removal-reason"));
        given().auth().oauth2(admin).queryParam("reason", "DECEASED")
                .delete("/api/v1/households/" + id + "/members/" + head)
                .then().statusCode(204);
        given().auth().oauth2(admin).get("/api/v1/households/" + id)
                .then().body("members.id", not(hasItem(head)));

        List<String> types = events(id, 5).stream().map(CloudEvent::type).toList();
        assertThat(types).containsExactly("household.registered", "household.member-added", "household.member-updated",
                "household.member-updated", "household.member-removed");
    }

    @Test
    void refusesAMemberWhoseIdNumberIsAlreadyRegistered() {
        Map<String, Object> first = Fixtures.household(Fixtures.freshVillage());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(first).post("/api/v1/households").then().statusCode(201);
        @SuppressWarnings("unchecked")
        String taken = (String) ((List<Map<String, Object>>) first.get("members")).get(0).get("idNumber");
        String id = register();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.member("王五", taken, "CHILD"))
                .post("/api/v1/households/" + id + "/members")
                .then().statusCode(409).body("code", equalTo("duplicate-id-number"));
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> not(org.hamcrest.Matcher<Iterable<? super String>> matcher) {
        return org.hamcrest.Matchers.not(matcher);
    }

    private String register() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Fixtures.household(Fixtures.freshVillage()))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private String etag(String id) {
        return given().auth().oauth2(admin).get("/api/v1/households/" + id).header("ETag");
    }

    private Response patch(String id, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(MERGE_PATCH).header("If-Match", etag(id)).body(body)
                .patch("/api/v1/households/" + id);
    }

    private Response patchMember(String id, String member, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(MERGE_PATCH).header("If-Match", etag(id)).body(body)
                .patch("/api/v1/households/" + id + "/members/" + member);
    }

    private List<CloudEvent> events(String id, int atLeast) {
        EventCodec codec = new EventCodec();
        EventSchemas schemas = new EventSchemas(codec);
        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers())
                .readUntil("household.events", Duration.ofSeconds(20),
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= atLeast);
        List<CloudEvent> events = records.stream().filter(r -> id.equals(r.key())).map(r -> codec.parse(r.value())).toList();
        events.forEach(event -> assertThat(schemas.violations(event)).as(event.type()).isEmpty());
        return events;
    }
}
