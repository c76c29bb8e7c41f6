package org.fupin.reporting.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fupin.events.EventCodec;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberRestored;
import org.fupin.events.household.RegionUpserted;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.fupin.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Reports stay exact through the decisions of the duplicate review: a person registered in two households is counted
 * once on every date once a merge retires one record from the day the other began, counted again as before when the
 * merge is undone, and a move counts them in the old household until the day they moved.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class DuplicateDecisionsReportTest {

    private static final String COUNTY = "547000";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";

    private final EventCodec codec = new EventCodec();
    private final TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());
    private final String token = TestTokens.token("analyst", COUNTY);

    @Test
    void aMergeCountsThePersonOnceOnEveryDateAnUndoCountsThemAgainAndAMoveFromTheDayTheyMoved() {
        send(COUNTY, new RegionUpserted(COUNTY, "重复县", "COUNTY", null, 1000, false, false));
        send(TOWNSHIP, new RegionUpserted(TOWNSHIP, "重复镇", "TOWNSHIP", COUNTY, 1000, false, false));
        send(VILLAGE, new RegionUpserted(VILLAGE, "重复村", "VILLAGE", TOWNSHIP, 1000, false, false));
        // P: two people since 2026-03-01; Q: two people since 2026-06-01, one of them P's second member registered again.
        UUID p = UUID.randomUUID();
        UUID q = UUID.randomUUID();
        MemberFacts kept = member("CHILD");
        MemberFacts twice = member("OTHER");
        registered(p, "00001", LocalDate.of(2026, 3, 1), List.of(member("HEAD"), kept));
        registered(q, "00002", LocalDate.of(2026, 6, 1), List.of(member("HEAD"), twice));
        awaitPeople(null, 4);
        people("2026-07-01", 4);

        // Merge: Q's record retired from 06-01, the day it began: every date counts the person once.
        send(q.toString(), new MemberRemoved(q, twice.memberId(), "DUPLICATE", LocalDate.of(2026, 6, 1), kept.memberId()));
        awaitPeople("2026-07-01", 3);
        people("2026-05-01", 2);
        people("2026-06-01", 3);
        people(null, 3);

        // Undone: as it was before the merge.
        send(q.toString(), new MemberRestored(q, twice.memberId(), LocalDate.of(2026, 11, 1)));
        awaitPeople("2026-07-01", 4);
        people("2026-06-01", 4);

        // Moved on 08-15: counted in Q until then.
        send(q.toString(), new MemberRemoved(q, twice.memberId(), "MOVED_OUT", LocalDate.of(2026, 8, 15), kept.memberId()));
        awaitPeople("2026-09-01", 3);
        people("2026-08-14", 4);
        people("2026-08-15", 3);
    }

    private void awaitPeople(String asOf, int people) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> overview(asOf).extract().<Integer>path("people.total") == people);
    }

    private void people(String asOf, int people) {
        overview(asOf).statusCode(200).body("people.total", equalTo(people));
    }

    private ValidatableResponse overview(String asOf) {
        var request = given().auth().oauth2(token).queryParam("region", COUNTY);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/reports/overview").then();
    }

    private void registered(UUID id, String serial, LocalDate on, List<MemberFacts> members) {
        send(id.toString(), new HouseholdRegistered(id, VILLAGE + serial, VILLAGE, "GENERAL", List.of("ILLNESS"), "ILLNESS", 2026,
                new BigDecimal("2500"), "POOR", null, on, members));
    }

    private static MemberFacts member(String relation) {
        return new MemberFacts(UUID.randomUUID(), relation, "FEMALE", 1980, "HEALTHY", null, false, "GRADUATED", "FULL", true, false);
    }

    private void send(String key, Object data) {
        topic.send("household.events", key, codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/test", key, Instant.now(), data)));
    }
}
