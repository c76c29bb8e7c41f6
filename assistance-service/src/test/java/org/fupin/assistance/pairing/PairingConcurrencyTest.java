package org.fupin.assistance.pairing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fupin.assistance.Fixtures;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Concurrent requests for a helper's last place: however they interleave, exactly one wins and
 * the helper never has more households than their capacity. Also two helpers racing for one household.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class PairingConcurrencyTest {

    private static final int CAPACITY = 3;
    private static final int CONTENDERS = 8;
    private static final int ROUNDS = 5;

    @Test
    void onlyOneOfManyConcurrentRequestsGetsTheHelpersLastPlace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String village = Fixtures.village();
            List<UUID> households = Fixtures.households(village, CAPACITY - 1 + CONTENDERS);
            String helper = Fixtures.helper(CAPACITY);
            for (UUID household : households.subList(0, CAPACITY - 1)) {
                Fixtures.pair(helper, household);
            }

            List<Response> answers = race(households.subList(CAPACITY - 1, households.size()).stream()
                    .map(household -> Map.<String, Object>of("kind", "HELPER_HOUSEHOLD", "helperId", helper,
                            "householdId", household.toString()))
                    .toList());

            assertThat(answers).extracting(Response::statusCode).as("round " + round)
                    .containsOnly(201, 422).filteredOn(status -> status == 201).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 422)
                    .extracting(answer -> answer.jsonPath().getString("code"))
                    .hasSize(CONTENDERS - 1).containsOnly("helper-capacity-exceeded");
            given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/helpers/" + helper)
                    .then().statusCode(200).body("activeHouseholds", equalTo(CAPACITY));
            assertThat(Fixtures.count("select count(*) from pairing where helper_id = '" + helper + "' and end_date is null"))
                    .isEqualTo(CAPACITY);
        }
    }

    @Test
    void onlyOneOfManyHelpersRacingForOneHouseholdGetsIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID household = Fixtures.household(Fixtures.village());
            String unit = Fixtures.unit();
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                bodies.add(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", Fixtures.helper(unit, 5),
                        "householdId", household.toString()));
            }

            List<Response> answers = race(bodies);

            assertThat(answers).extracting(Response::statusCode).as("round " + round)
                    .containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                    .extracting(answer -> answer.jsonPath().getString("code")).containsOnly("household-already-paired");
            assertThat(Fixtures.count("select count(*) from pairing where household_id = '" + household + "' and end_date is null"))
                    .isEqualTo(1);
        }
    }

    /** Sends every body at the same moment from its own thread. */
    private static List<Response> race(List<Map<String, Object>> bodies) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch ready = new CountDownLatch(bodies.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(body)
                            .post("/api/v1/pairings").andReturn();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
