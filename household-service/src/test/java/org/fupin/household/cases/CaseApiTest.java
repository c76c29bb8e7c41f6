package org.fupin.household.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fupin.household.cases.CaseWalk.TODAY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Cases through the API, each step by a different person with their own token, against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class CaseApiTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void countysApprovalExitsTheHouseholdOnTheAnnouncementsDate() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(32));

        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200).body("stage", equalTo("COUNTY_APPROVAL"));
        walk.decide(caseId, TODAY.minusDays(10)).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedOn", equalTo(TODAY.minusDays(10).toString()))
                .body("waitingFor", nullValue());

        walk.household().then().body("status", equalTo("EXITED")).body("statusSince", equalTo(TODAY.minusDays(10).toString()));
    }

    @Test
    void timelineShowsEveryStepWithWhoAndInWhichRole() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(32));
        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200);
        walk.decide(caseId, TODAY.minusDays(10)).then().statusCode(200);

        given().auth().oauth2(TestTokens.token("auditor")).get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("stage", contains("PROPOSAL", "VERIFICATION", "ACKNOWLEDGEMENT", "APPRAISAL", "VILLAGE_NOTICE",
                        "TOWNSHIP_REVIEW", "COUNTY_APPROVAL"))
                .body("result", contains("PROPOSED", "AGREED", "AGREED", "PASSED", "RAN", "APPROVED", "APPROVED"))
                .body("[1].roles", contains("assistance-officer"))
                .body("[1].actor", equalTo("team-" + walk.village + " (Test assistance-officer)"))
                .body("[3].evidence.votesFor", equalTo(15))
                .body("[4].stageLabel", equalTo("村公示"))
                .body("[4].on", equalTo(TODAY.minusDays(25).toString()));
    }

    @Test
    void householdsHistoryHoldsEveryStepAndTheDecisionNamingTheCase() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(32));
        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200);
        walk.decide(caseId, TODAY.minusDays(10)).then().statusCode(200);

        given().auth().oauth2(TestTokens.token("auditor")).get("/api/v1/households/" + walk.householdId + "/history")
                .then().statusCode(200)
                .body("items.action", contains("REGISTER", "ASSESS", "CASE_PROPOSAL", "CASE_VERIFICATION", "CASE_ACKNOWLEDGEMENT",
                        "CASE_APPRAISAL", "CASE_VILLAGE_NOTICE", "CASE_TOWNSHIP_REVIEW", "CASE_COUNTY_APPROVAL", "CONFIRM_EXIT"))
                .body("items[9].caseId", equalTo(caseId))
                .body("items[9].changes.find { it.field == 'status' }.to", equalTo("EXITED"));
    }

    @Test
    void everyStepPublishesItsEventWithinItsSchemaAndTheDecisionNamesTheCase() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(32));
        walk.review(caseId, TODAY.minusDays(20)).then().statusCode(200);
        walk.decide(caseId, TODAY.minusDays(10)).then().statusCode(200);

        List<CloudEvent> events = eventsOf(caseId, 8);
        assertThat(events).extracting(CloudEvent::type).containsExactly("case.opened", "case.stage-completed",
                "case.stage-completed", "case.stage-completed", "case.stage-completed", "case.stage-completed",
                "case.stage-completed", "case.decided");
        EventSchemas schemas = new EventSchemas(codec);
        events.forEach(event -> assertThat(schemas.violations(event)).as(event.type()).isEmpty());
        assertThat(events.get(4).data().get("stage").asText()).isEqualTo("VILLAGE_NOTICE");
        assertThat(events.get(7).data().get("effectiveDate").asText()).isEqualTo(TODAY.minusDays(10).toString());
        CloudEvent changed = new TopicProbe(InJvmKafka.bootstrapServers()).readUntil("household.events", Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> walk.householdId.equals(r.key()) && r.value().contains("status-changed")))
                .stream().filter(r -> walk.householdId.equals(r.key())).map(r -> codec.parse(r.value()))
                .filter(e -> e.type().equals("household.status-changed")).findFirst().orElseThrow();
        assertThat(changed.data().get("caseId").asText()).isEqualTo(caseId);
        assertThat(changed.data().get("action").asText()).isEqualTo("CONFIRM_EXIT");
        assertThat(events.toString()).doesNotContain("收入穩定").doesNotContain("村民小組提名");
    }

    @Test
    void whoeverProposedMayNotVerify() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));

        walk.verify(walk.cadre, caseId, TODAY.minusDays(4)).then().statusCode(403).body("code", equalTo("same-person"));
        walk.verify(walk.otherCadre, caseId, TODAY.minusDays(4)).then().statusCode(200);
    }

    @Test
    void stagesGoInTheirOrder() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));

        walk.appraise(caseId, TODAY.minusDays(4), 15, TODAY.minusDays(4)).then().statusCode(409).body("code", equalTo("stage-not-open"));
        walk.review(caseId, TODAY).then().statusCode(409).body("code", equalTo("stage-not-open"));
    }

    @Test
    void theTownshipWaitsUntilTheVillageNoticeIsOver() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(2));

        walk.review(caseId, TODAY).then().statusCode(422).body("code", equalTo("notice-not-over"));
        given().auth().oauth2(walk.countyAdmin).get("/api/v1/cases/" + caseId).then()
                .body("stage", equalTo("VILLAGE_NOTICE")).body("noticeEndsOn", equalTo(TODAY.plusDays(5).toString()))
                .body("waitingFor", nullValue());
    }

    @Test
    void anObjectionStopsTheCaseUntilTheTownshipsFinding() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(10));
        String objection = walk.object(TestTokens.token("integrator"), caseId, TODAY.minusDays(5)).then().statusCode(201)
                .extract().path("id");

        given().auth().oauth2(walk.countyAdmin).get("/api/v1/cases/" + caseId).then().body("status", equalTo("OBJECTED"));
        walk.review(caseId, TODAY).then().statusCode(409).body("code", equalTo("objection-pending"));
        walk.finding(walk.townshipOfficer, caseId, objection, "DISMISSED").then().statusCode(200).body("status", equalTo("OPEN"));
        // The notice ended three days ago and kept its dates: the township may review at once.
        walk.review(caseId, TODAY).then().statusCode(200).body("stage", equalTo("COUNTY_APPROVAL"));
    }

    @Test
    void anUpheldObjectionStopsTheCaseAndLeavesTheHouseholdAsItWas() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(3));
        String objection = walk.object(walk.otherCadre, caseId, TODAY).then().statusCode(201).extract().path("id");

        walk.finding(walk.townshipOfficer, caseId, objection, "UPHELD").then().statusCode(200).body("status", equalTo("STOPPED"));
        walk.household().then().body("status", equalTo("POOR"));
        walk.finding(walk.townshipOfficer, caseId, objection, "DISMISSED").then().statusCode(409)
                .body("code", equalTo("objection-already-resolved"));
    }

    @Test
    void noObjectionOutsideANotice() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));

        walk.object(walk.otherCadre, caseId, TODAY).then().statusCode(409).body("code", equalTo("no-notice-running"));
    }

    @Test
    void theAppraisalNeedsAMajorityOfThosePresent() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(5));
        walk.verify(walk.team, caseId, TODAY.minusDays(4)).then().statusCode(200);
        walk.acknowledge(caseId, TODAY.minusDays(3)).then().statusCode(200);

        walk.appraise(caseId, TODAY.minusDays(2), 10, TODAY.minusDays(2)).then().statusCode(422)
                .body("code", equalTo("majority-not-reached")).body("errors.field", contains("votesFor"));
    }

    @Test
    void aTownshipOfficerOfAnotherTownshipDoesNotSeeTheCase() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.exitUnderNoticeFrom(TODAY.minusDays(20));
        CaseWalk elsewhere = CaseWalk.poorAndReadyToExit();

        walk.step(elsewhere.townshipOfficer, caseId, "township-review", Map.of("decision", "APPROVE", "reviewedOn", TODAY.toString()))
                .then().statusCode(404);
        given().auth().oauth2(elsewhere.townshipOfficer).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", not(hasItem(caseId)));
    }

    @Test
    void aMarginalHouseholdIsIdentifiedThroughBothNoticesAndBecomesPoor() {
        CaseWalk walk = CaseWalk.marginalInNeed();
        String caseId = walk.opened("IDENTIFY", TODAY.minusDays(35));
        walk.verify(walk.team, caseId, TODAY.minusDays(34)).then().statusCode(200).body("stage", equalTo("APPRAISAL"));
        walk.appraise(caseId, TODAY.minusDays(33), 18, TODAY.minusDays(33)).then().statusCode(200);
        walk.review(caseId, TODAY.minusDays(25)).then().statusCode(200).body("stage", equalTo("TOWNSHIP_NOTICE"))
                .body("noticeEndsOn", equalTo(TODAY.minusDays(18).toString()));

        walk.decide(caseId, TODAY.minusDays(15)).then().statusCode(200).body("status", equalTo("APPROVED"));
        walk.household().then().body("status", equalTo("POOR")).body("statusSince", equalTo(TODAY.minusDays(15).toString()));
    }

    @Test
    void aCaseMustFitTheHouseholdsStatusAndOnlyOneOfAKindIsOpen() {
        CaseWalk marginal = CaseWalk.marginalInNeed();
        marginal.propose("EXIT", TODAY).then().statusCode(409).body("code", equalTo("case-not-applicable"));

        CaseWalk poor = CaseWalk.poorAndReadyToExit();
        poor.opened("EXIT", TODAY.minusDays(1));
        poor.propose("EXIT", TODAY).then().statusCode(409).body("code", equalTo("case-already-open"));
    }

    @Test
    void anExitRestsOnARecentAssessmentMeetingEveryCriterion() {
        CaseWalk walk = CaseWalk.marginalInNeed();
        CaseWalk poorButNotReady = CaseWalk.poorAndReadyToExit();
        poorButNotReady.assess(TODAY.minusDays(2), "C", 5000);

        poorButNotReady.propose("EXIT", TODAY).then().statusCode(422).body("code", equalTo("exit-criteria-not-met"))
                .body("errors.field", contains("HOUSING"));
        walk.assess(TODAY.minusDays(1), "A", 9000);
        walk.propose("IDENTIFY", TODAY).then().statusCode(422).body("code", equalTo("identification-criteria-not-met"));
    }

    @Test
    void theWorkQueueShowsACaseToTheNextPersonAndNotToItsProposer() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(3));

        given().auth().oauth2(walk.team).get("/api/v1/case-queue").then().statusCode(200)
                .body("find { it.stage == 'VERIFICATION' }.oldest.id", hasItem(caseId));
        given().auth().oauth2(walk.cadre).get("/api/v1/case-queue").then().statusCode(200)
                .body("find { it.stage == 'VERIFICATION' }.oldest.id", not(hasItem(caseId)));
    }

    @Test
    void aWithdrawnCaseEndsAndTheHouseholdStaysAsItWas() {
        CaseWalk walk = CaseWalk.poorAndReadyToExit();
        String caseId = walk.opened("EXIT", TODAY.minusDays(3));

        walk.step(walk.cadre, caseId, "withdrawal", Map.of("reason", "村民大會未通過")).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        walk.household().then().body("status", equalTo("POOR"));
        walk.opened("EXIT", TODAY);
    }

    private List<CloudEvent> eventsOf(String key, int expected) {
        List<ConsumerRecord<String, String>> records = new TopicProbe(InJvmKafka.bootstrapServers())
                .readUntil("household.events", Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= expected);
        return records.stream().filter(r -> key.equals(r.key())).map(r -> codec.parse(r.value())).toList();
    }
}
