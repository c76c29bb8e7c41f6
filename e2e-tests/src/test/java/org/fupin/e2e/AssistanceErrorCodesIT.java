package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fupin.e2e.ErrorScenario.View;
import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every error code of assistance-service (and of the platform behind the gateway), provoked end to end through the gateway. */
class AssistanceErrorCodesIT {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = "500235140";
    private static final String VILLAGE = TOWNSHIP + "201";
    private static final String SECOND_VILLAGE = TOWNSHIP + "202";
    private static final String UNDEFINED_VILLAGE = TOWNSHIP + "299";
    private static final String UNDEFINED_TOWNSHIP = "500235149";
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    /** Codes no single request answers with, each with the reason and where they are tested instead. */
    private static final Map<String, String> NOT_PROVOKED = Map.of(
            "client-id-conflict", "answered per item inside the 200 of POST /measures/confirmations/batch, never as a whole "
                    + "answer (OfflineDayIT meets the outcomes; ConfirmationBatchApiTest provokes it)");

    private static final Map<String, String> PLATFORM_NOT_PROVOKED = Map.of(
            "internal-error", "a failure of the server, never of the client",
            "service-unavailable", "needs a backend down or its circuit open",
            "gateway-timeout", "needs a backend silent for 30 s",
            "too-many-requests", "needs thousands of requests; ApiSecurityIT proves it",
            "date-range", "no request constraint of the services uses @Past or @Future; they answer their own date codes",
            "purpose-required", "assistance-service shows no household member's personal field, so it never asks for a purpose "
                    + "(RegistryErrorCodesIT provokes it through household-service)",
            "purpose-not-granted", "as purpose-required: provoked through household-service");

    private static Suite suite;
    private static String admin;
    private static String group;
    private static String unit;
    private static String helper;
    private static String otherHelper;
    private static String fullHelper;
    private static String pairedHousehold;
    private static String unpairedHousehold;
    private static String removedHousehold;
    private static String helperPairing;
    private static String villagePairing;
    private static String endedPairing;
    private static String plannedMeasure;
    private static String villageMeasure;
    private static String confirmedMeasure;
    private static String startedMeasure;
    private static Map<String, Object> visit;

    @BeforeAll
    static void organiseHelpAroundFourHouseholds() {
        suite = E2eSuite.get();
        admin = suite.token("county-admin", COUNTY);
        SuiteSliceIT.putRegion(admin, COUNTY, "云阳县", "COUNTY", null, 2000);
        SuiteSliceIT.putRegion(admin, TOWNSHIP, "帮扶镇", "TOWNSHIP", COUNTY, 1500);
        SuiteSliceIT.putRegion(admin, VILLAGE, "帮扶村", "VILLAGE", TOWNSHIP, 800);
        SuiteSliceIT.putRegion(admin, SECOND_VILLAGE, "结对村", "VILLAGE", TOWNSHIP, 600);
        pairedHousehold = registerHousehold();
        unpairedHousehold = registerHousehold();
        String fullHelpersHousehold = registerHousehold();
        removedHousehold = as(admin).contentType(ContentType.JSON).body(Households.household(VILLAGE, 1)).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");

        group = created(post("/api/v1/assistance-groups", Map.of("name", "第九帮扶集团")));
        unit = created(post("/api/v1/units", Map.of("name", "云阳县错码局", "type", "DEPARTMENT", "groupId", group)));
        helper = created(post("/api/v1/helpers", helperBody(h -> { })));
        otherHelper = created(post("/api/v1/helpers", helperBody(h -> { })));
        fullHelper = created(post("/api/v1/helpers", helperBody(h -> h.put("maxHouseholds", 1))));

        // The replica learns of regions and households from household.events, keyed by aggregate: in no fixed order.
        awaitReplica(() -> alerts("UNPAIRED_HOUSEHOLD").containsAll(
                List.of(pairedHousehold, unpairedHousehold, fullHelpersHousehold, removedHousehold))
                && alerts("VILLAGE_WITHOUT_WORK_TEAM").containsAll(List.of(VILLAGE, SECOND_VILLAGE)));
        // Removed only once the replica knows it, so that leaving the alerts below means REMOVED, not unknown.
        CaseDecisions.approve(suite, removedHousehold, VILLAGE, "REMOVE", today());

        helperPairing = created(post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", helper,
                "householdId", pairedHousehold)));
        created(post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", fullHelper,
                "householdId", fullHelpersHousehold)));
        villagePairing = created(post("/api/v1/pairings", Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", VILLAGE)));
        endedPairing = created(post("/api/v1/pairings", Map.of("kind", "GROUP_VILLAGE", "groupId", group,
                "villageCode", SECOND_VILLAGE)));
        as(admin).header("If-Match", etag("/api/v1/pairings/" + endedPairing)).contentType(ContentType.JSON)
                .body(Map.of("reason", "OTHER")).post("/api/v1/pairings/" + endedPairing + "/end").then().statusCode(200);

        plannedMeasure = created(post("/api/v1/measures", measureBody(unpairedHousehold, "PLANNED", today())));
        Map<String, Object> forTheVillage = measureBody(null, "IN_PROGRESS", today());
        forTheVillage.put("villageCode", VILLAGE);
        villageMeasure = created(post("/api/v1/measures", forTheVillage));
        confirmedMeasure = created(post("/api/v1/measures", measureBody(unpairedHousehold, "IN_PROGRESS", today().minusDays(10))));
        as(admin).contentType(ContentType.JSON).body(Map.of("confirmedOn", today().toString()))
                .post("/api/v1/measures/" + confirmedMeasure + "/confirmations").then().statusCode(201);
        startedMeasure = created(post("/api/v1/measures", measureBody(unpairedHousehold, "IN_PROGRESS", today().minusDays(5))));

        visit = visitBody(helper, pairedHousehold);
        post("/api/v1/visits", visit).then().statusCode(201);
        as(admin).contentType(ContentType.JSON).body(Map.of("subject", LINKED_ACCOUNT)).put("/api/v1/helpers/" + helper + "/account")
                .then().statusCode(200);
        awaitReplica(() -> !alerts("UNPAIRED_HOUSEHOLD").contains(removedHousehold));
    }

    @TestFactory
    Stream<DynamicTest> everyErrorCodeThroughTheGateway() {
        return scenarios().stream().map(ErrorScenario::test);
    }

    @Test
    void everyCodeOfAssistanceServiceHasATest() {
        Set<String> untested = new TreeSet<>(ProblemCodes.of("assistance-service"));
        untested.removeAll(scenarios().stream().map(ErrorScenario::code).toList());
        untested.removeAll(NOT_PROVOKED.keySet());
        assertThat(untested).as("codes of assistance-service without an end-to-end test").isEmpty();
    }

    @Test
    void everyCodeOfThePlatformHasATestOrAReason() {
        Set<String> untested = new TreeSet<>(ProblemCodes.of("problem"));
        untested.removeAll(scenarios().stream().map(ErrorScenario::code).toList());
        untested.removeAll(PLATFORM_NOT_PROVOKED.keySet());
        assertThat(untested).as("platform codes without an end-to-end test through assistance-service").isEmpty();
    }

    /** The account of the helper {@link #helper}, linked in the set-up. */
    private static final String LINKED_ACCOUNT = "e2e-error-codes-helper";

    private static List<ErrorScenario> scenarios() {
        String outsider = suite.token("township-officer", UNDEFINED_TOWNSHIP);
        List<ErrorScenario> all = new ArrayList<>();

        // The gateway's own answers.
        all.add(ErrorScenario.of("unauthenticated", "registering a unit without a token")
                .answers(401, "unauthenticated").unchanged(countyWide("/api/v1/units"))
                .when(() -> given().contentType(ContentType.JSON).body(Map.of("name", "无名", "type", "DEPARTMENT"))
                        .post("/api/v1/units")));
        all.add(ErrorScenario.of("payload-too-large", "a visit batch of 11 MiB")
                .answers(413, "payload-too-large").unchanged(visits())
                .when(() -> as(admin).contentType(ContentType.JSON).body(new byte[11 * 1024 * 1024]).post("/api/v1/visits/batch")));
        all.add(ErrorScenario.of("not-found", "a path under /api that no service owns")
                .answers(404, "not-found").unchanged(pairings())
                .when(() -> as(admin).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/pairingz")));

        // The platform's answers, as assistance-service gives them.
        all.add(ErrorScenario.of("validation-failed", "a helper without unit, kind or name")
                .answers(400, "validation-failed").field("unitId", "required").field("kind", "required").field("name", "required")
                .unchanged(countyWide("/api/v1/helpers"))
                .when(() -> post("/api/v1/helpers", Map.of("phone", "13900001111"))));
        all.add(ErrorScenario.of("required", "a helper without kind")
                .answers(400, "validation-failed").field("kind", "required").unchanged(helpersOfTheUnit())
                .when(() -> post("/api/v1/helpers", helperBody(h -> h.remove("kind")))));
        all.add(ErrorScenario.of("length", "an assistance group named with 101 characters")
                .answers(400, "validation-failed").field("name", "length").unchanged(countyWide("/api/v1/assistance-groups"))
                .when(() -> post("/api/v1/assistance-groups", Map.of("name", "团".repeat(101)))));
        all.add(ErrorScenario.of("format", "a work team for the village 12345")
                .answers(400, "validation-failed").field("villageCode", "format").unchanged(workTeams())
                .when(() -> post("/api/v1/work-teams", Map.of("villageCode", "12345", "leaderId", helper))));
        all.add(ErrorScenario.of("range", "a helper taking on no household at all")
                .answers(400, "validation-failed").field("maxHouseholds", "range").unchanged(helpersOfTheUnit())
                .when(() -> post("/api/v1/helpers", helperBody(h -> h.put("maxHouseholds", 0)))));
        all.add(ErrorScenario.of("precision", "a measure of 10.001 CNY")
                .answers(400, "validation-failed").field("amount", "precision").unchanged(measures())
                .when(() -> post("/api/v1/measures", measureBody(unpairedHousehold, "PLANNED", today(), 10.001))));
        all.add(ErrorScenario.of("unknown-field", "a unit with a field 'motto'")
                .answers(400, "unknown-field").field("motto", "unknown-field").unchanged(countyWide("/api/v1/units"))
                .when(() -> post("/api/v1/units", Map.of("name", "错码局", "type", "DEPARTMENT", "motto", "为人民服务"))));
        all.add(ErrorScenario.of("invalid-value", "a unit of type CHARITY")
                .answers(400, "invalid-value").field("type", "invalid-value").unchanged(countyWide("/api/v1/units"))
                .when(() -> post("/api/v1/units", Map.of("name", "错码局", "type", "CHARITY"))));
        all.add(ErrorScenario.of("invalid-value", "a unit whose groupId is an empty string (not a way to say 'no group')")
                .answers(400, "invalid-value").field("groupId", "invalid-value").unchanged(countyWide("/api/v1/units"))
                .when(() -> post("/api/v1/units", Map.of("name", "空组局", "type", "DEPARTMENT", "groupId", ""))));
        all.add(ErrorScenario.of("malformed-json", "a pairing body that is not JSON")
                .answers(400, "malformed-json").unchanged(pairings())
                .when(() -> as(admin).contentType(ContentType.JSON).body("{\"kind\": ").post("/api/v1/pairings")));
        all.add(ErrorScenario.of("invalid-parameter", "listing pairings that are active=maybe")
                .answers(400, "invalid-parameter").field("active", "invalid-value").unchanged(pairings())
                .when(() -> as(admin).queryParam("active", "maybe").get("/api/v1/pairings")));
        all.add(ErrorScenario.of("invalid-cursor", "a cursor the unit list never issued")
                .answers(400, "invalid-cursor").unchanged(countyWide("/api/v1/units"))
                .when(() -> as(admin).queryParam("cursor", "not-a-cursor").get("/api/v1/units")));
        all.add(ErrorScenario.of("precondition-required", "a helper patch without If-Match")
                .answers(428, "precondition-required").unchanged(resource("/api/v1/helpers/" + helper))
                .when(() -> patch("/api/v1/helpers/" + helper, null, Map.of("maxHouseholds", 6))));
        all.add(ErrorScenario.of("precondition-failed", "ending a pairing with a stale ETag")
                .answers(412, "precondition-failed").unchanged(resource("/api/v1/pairings/" + helperPairing))
                .when(() -> as(admin).header("If-Match", "\"999\"").contentType(ContentType.JSON)
                        .body(Map.of("replacementHelperId", otherHelper)).post("/api/v1/pairings/" + helperPairing + "/end")));
        String reusedKey = UUID.randomUUID().toString();
        all.add(ErrorScenario.of("idempotency-key-reused", "a second group under the first one's Idempotency-Key")
                .given(() -> as(admin).header("Idempotency-Key", reusedKey).contentType(ContentType.JSON)
                        .body(Map.of("name", "第十帮扶集团")).post("/api/v1/assistance-groups").then().statusCode(201))
                .answers(422, "idempotency-key-reused").unchanged(countyWide("/api/v1/assistance-groups"))
                .when(() -> as(admin).header("Idempotency-Key", reusedKey).contentType(ContentType.JSON)
                        .body(Map.of("name", "第十一帮扶集团")).post("/api/v1/assistance-groups")));
        all.add(ErrorScenario.of("not-found", "ending a pairing by an officer of another township")
                .answers(404, "not-found").unchanged(resource("/api/v1/pairings/" + helperPairing))
                .when(() -> as(outsider).header("If-Match", etag("/api/v1/pairings/" + helperPairing)).contentType(ContentType.JSON)
                        .body(Map.of("replacementHelperId", otherHelper)).post("/api/v1/pairings/" + helperPairing + "/end")));
        all.add(ErrorScenario.of("forbidden", "a township officer registering a helper")
                .answers(403, "forbidden").unchanged(helpersOfTheUnit())
                .when(() -> as(suite.token("township-officer", TOWNSHIP)).contentType(ContentType.JSON).body(helperBody(h -> { }))
                        .post("/api/v1/helpers")));
        all.add(ErrorScenario.of("unsupported-media-type", "a unit sent as text/plain")
                .answers(415, "unsupported-media-type").unchanged(countyWide("/api/v1/units"))
                .when(() -> as(admin).contentType("text/plain; charset=UTF-8").body("name=错码局").post("/api/v1/units")));
        all.add(ErrorScenario.of("invalid-path", "a pairing posted to /pairings/%2e%2e/pairings, which the HTTP layer would shorten to /pairings")
                .answers(400, "invalid-path").unchanged(pairings())
                .when(() -> as(admin).urlEncodingEnabled(false).contentType(ContentType.JSON)
                        .body(Map.of("kind", "HELPER_HOUSEHOLD", "helperId", otherHelper, "householdId", UUID.randomUUID().toString()))
                        .post("/api/v1/pairings/%2e%2e/pairings")));
        all.add(ErrorScenario.of("method-not-allowed", "DELETE of a pairing")
                .answers(405, "method-not-allowed").unchanged(resource("/api/v1/pairings/" + helperPairing))
                .when(() -> as(admin).delete("/api/v1/pairings/" + helperPairing)));
        all.add(ErrorScenario.of("not-acceptable", "a unit asked for as XML")
                .answers(406, "not-acceptable").unchanged(resource("/api/v1/units/" + unit))
                .when(() -> as(admin).accept("application/xml").get("/api/v1/units/" + unit)));

        // References.
        all.add(ErrorScenario.of("unknown-household", "pairing a helper with a household nobody registered")
                .answers(422, "unknown-household").field("householdId", "unknown-household")
                .unchanged(resource("/api/v1/helpers/" + otherHelper), pairings())
                .when(() -> post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", otherHelper,
                        "householdId", UUID.randomUUID().toString()))));
        all.add(ErrorScenario.of("unknown-village", "a work team for a village never defined")
                .answers(422, "unknown-village").field("villageCode", "unknown-village").unchanged(workTeams())
                .when(() -> post("/api/v1/work-teams", Map.of("villageCode", UNDEFINED_VILLAGE, "leaderId", helper))));
        all.add(ErrorScenario.of("unknown-township", "a war zone of a township never defined")
                .answers(422, "unknown-township").field("townshipCodes[0]", "unknown-township").unchanged(countyWide("/api/v1/war-zones"))
                .when(() -> post("/api/v1/war-zones", Map.of("name", "错码战区", "leaderId", helper,
                        "townshipCodes", List.of(UNDEFINED_TOWNSHIP)))));
        all.add(ErrorScenario.of("unknown-unit", "a helper of a unit nobody registered")
                .answers(422, "unknown-unit").field("unitId", "unknown-unit").unchanged(countyWide("/api/v1/helpers"))
                .when(() -> post("/api/v1/helpers", helperBody(h -> h.put("unitId", UUID.randomUUID().toString())))));
        all.add(ErrorScenario.of("unknown-region", "a unit of a village the registry does not have")
                .answers(422, "unknown-region").field("regionCode", "unknown-region").unchanged(countyWide("/api/v1/units"))
                .when(() -> post("/api/v1/units", Map.of("name", "错码局", "type", "DEPARTMENT", "regionCode", UNDEFINED_VILLAGE))));
        all.add(ErrorScenario.of("duplicate-key", "a unit whose name is given twice")
                .answers(400, "duplicate-key").field("name", "duplicate-key").unchanged(countyWide("/api/v1/units"))
                .when(() -> as(admin).contentType(ContentType.JSON)
                        .body("{\"name\": \"甲局\", \"name\": \"乙局\", \"type\": \"DEPARTMENT\"}").post("/api/v1/units")));
        all.add(ErrorScenario.of("unknown-group", "a unit of a group nobody created")
                .answers(422, "unknown-group").field("groupId", "unknown-group").unchanged(countyWide("/api/v1/units"))
                .when(() -> post("/api/v1/units", Map.of("name", "错码局", "type", "DEPARTMENT",
                        "groupId", UUID.randomUUID().toString()))));
        all.add(ErrorScenario.of("unknown-helper", "a work team led by a helper nobody registered")
                .answers(422, "unknown-helper").field("leaderId", "unknown-helper").unchanged(workTeams())
                .when(() -> post("/api/v1/work-teams", Map.of("villageCode", VILLAGE, "leaderId", UUID.randomUUID().toString()))));

        // Organisation.
        all.add(ErrorScenario.of("phone-format", "a helper with the phone number 12345")
                .answers(400, "validation-failed").field("phone", "phone-format").unchanged(helpersOfTheUnit())
                .when(() -> post("/api/v1/helpers", helperBody(h -> h.put("phone", "12345")))));
        all.add(ErrorScenario.of("duplicate-member", "a work team listing its leader among the members")
                .answers(400, "validation-failed").field("memberIds[0]", "duplicate-member").unchanged(workTeams())
                .when(() -> post("/api/v1/work-teams", Map.of("villageCode", VILLAGE, "leaderId", helper,
                        "memberIds", List.of(helper)))));
        all.add(ErrorScenario.of("duplicate-township", "a war zone naming one township twice")
                .answers(400, "validation-failed").field("townshipCodes[1]", "duplicate-township").unchanged(countyWide("/api/v1/war-zones"))
                .when(() -> post("/api/v1/war-zones", Map.of("name", "错码战区", "leaderId", helper,
                        "townshipCodes", List.of(TOWNSHIP, TOWNSHIP)))));

        // Pairings.
        all.add(ErrorScenario.of("household-already-paired", "a second helper for a paired household")
                .answers(409, "household-already-paired").unchanged(pairingsOf(pairedHousehold), resource("/api/v1/helpers/" + otherHelper))
                .when(() -> post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", otherHelper,
                        "householdId", pairedHousehold))));
        all.add(ErrorScenario.of("helper-capacity-exceeded", "a second household for a helper who takes on one")
                .answers(422, "helper-capacity-exceeded")
                .unchanged(pairingsOf(unpairedHousehold), resource("/api/v1/helpers/" + fullHelper))
                .when(() -> post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", fullHelper,
                        "householdId", unpairedHousehold))));
        all.add(ErrorScenario.of("household-removed", "a helper for a household removed from the register")
                .answers(422, "household-removed").unchanged(pairingsOf(removedHousehold), resource("/api/v1/helpers/" + otherHelper))
                .when(() -> post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", otherHelper,
                        "householdId", removedHousehold))));
        all.add(ErrorScenario.of("already-paired", "the unit paired with its village a second time")
                .answers(409, "already-paired").unchanged(pairings())
                .when(() -> post("/api/v1/pairings", Map.of("kind", "UNIT_VILLAGE", "unitId", unit, "villageCode", VILLAGE))));
        all.add(ErrorScenario.of("date-in-future", "a pairing starting tomorrow")
                .answers(400, "validation-failed").field("startDate", "date-in-future").unchanged(pairings())
                .when(() -> post("/api/v1/pairings", Map.of("kind", "GROUP_VILLAGE", "groupId", group, "villageCode", VILLAGE,
                        "startDate", today().plusDays(1).toString()))));
        all.add(ErrorScenario.of("not-applicable", "a helper pairing that also names a unit")
                .answers(400, "validation-failed").field("unitId", "not-applicable").unchanged(pairingsOf(unpairedHousehold))
                .when(() -> post("/api/v1/pairings", Map.of("kind", "HELPER_HOUSEHOLD", "helperId", otherHelper,
                        "householdId", unpairedHousehold, "unitId", unit))));
        all.add(ErrorScenario.of("pairing-required", "ending a POOR household's helper pairing without a replacement")
                .answers(422, "pairing-required").unchanged(resource("/api/v1/pairings/" + helperPairing), pairingsOf(pairedHousehold))
                .when(() -> end(helperPairing, Map.of("reason", "HELPER_LEFT"))));
        all.add(ErrorScenario.of("replacement-is-current-helper", "handing a household over to its own helper")
                .answers(422, "replacement-is-current-helper")
                .unchanged(resource("/api/v1/pairings/" + helperPairing), pairingsOf(pairedHousehold))
                .when(() -> end(helperPairing, Map.of("replacementHelperId", helper))));
        all.add(ErrorScenario.of("pairing-already-ended", "ending an ended pairing")
                .answers(409, "pairing-already-ended").unchanged(resource("/api/v1/pairings/" + endedPairing))
                .when(() -> end(endedPairing, Map.of("reason", "OTHER"))));
        all.add(ErrorScenario.of("end-before-start", "ending the unit's pairing the day before it started")
                .answers(400, "validation-failed").field("endDate", "end-before-start")
                .unchanged(resource("/api/v1/pairings/" + villagePairing))
                .when(() -> end(villagePairing, Map.of("reason", "OTHER", "endDate", today().minusDays(1).toString()))));
        all.add(ErrorScenario.of("reason-needs-replacement", "ending the unit's pairing as REPLACED without a replacement")
                .answers(400, "validation-failed").field("reason", "reason-needs-replacement")
                .unchanged(resource("/api/v1/pairings/" + villagePairing))
                .when(() -> end(villagePairing, Map.of("reason", "REPLACED"))));
        all.add(ErrorScenario.of("reason-reserved", "ending the unit's pairing as HOUSEHOLD_REMOVED")
                .answers(400, "validation-failed").field("reason", "reason-reserved")
                .unchanged(resource("/api/v1/pairings/" + villagePairing))
                .when(() -> end(villagePairing, Map.of("reason", "HOUSEHOLD_REMOVED"))));

        // Measures.
        all.add(ErrorScenario.of("exactly-one", "a measure for a household and a village at once")
                .answers(400, "validation-failed").field("villageCode", "exactly-one").unchanged(measures())
                .when(() -> {
                    Map<String, Object> both = measureBody(unpairedHousehold, "PLANNED", today());
                    both.put("villageCode", VILLAGE);
                    return post("/api/v1/measures", both);
                }));
        all.add(ErrorScenario.of("not-a-household-measure", "a household confirming a village's measure")
                .answers(422, "not-a-household-measure").unchanged(resource("/api/v1/measures/" + villageMeasure))
                .when(() -> confirm(villageMeasure, today())));
        all.add(ErrorScenario.of("measure-not-started", "confirming a PLANNED measure")
                .answers(422, "measure-not-started").unchanged(resource("/api/v1/measures/" + plannedMeasure))
                .when(() -> confirm(plannedMeasure, today())));
        all.add(ErrorScenario.of("already-confirmed", "confirming a measure a second time")
                .answers(409, "already-confirmed").unchanged(resource("/api/v1/measures/" + confirmedMeasure))
                .when(() -> confirm(confirmedMeasure, today())));
        all.add(ErrorScenario.of("confirmed-before-start", "a confirmation dated the day before the measure started")
                .answers(400, "validation-failed").field("confirmedOn", "confirmed-before-start")
                .unchanged(resource("/api/v1/measures/" + startedMeasure))
                .when(() -> confirm(startedMeasure, today().minusDays(6))));
        all.add(ErrorScenario.of("amount-confirmed", "changing the amount the household confirmed")
                .answers(422, "amount-confirmed").unchanged(resource("/api/v1/measures/" + confirmedMeasure))
                .when(() -> patch("/api/v1/measures/" + confirmedMeasure, etag("/api/v1/measures/" + confirmedMeasure),
                        Map.of("amount", 4000))));
        all.add(ErrorScenario.of("illegal-status-change", "an IN_PROGRESS measure back to PLANNED")
                .answers(409, "illegal-status-change").unchanged(resource("/api/v1/measures/" + startedMeasure))
                .when(() -> patch("/api/v1/measures/" + startedMeasure, etag("/api/v1/measures/" + startedMeasure),
                        Map.of("status", "PLANNED"))));

        // Visits.
        all.add(ErrorScenario.of("not-paired", "a visit by a helper the household is not paired with")
                .answers(422, "not-paired").field("helperId", "not-paired").unchanged(visits())
                .when(() -> post("/api/v1/visits", visitBody(otherHelper, unpairedHousehold))));
        all.add(ErrorScenario.of("visit-id-conflict", "another visit under a used visit id")
                .answers(409, "visit-id-conflict").unchanged(visits(), resource("/api/v1/visits/" + visit.get("id")))
                .when(() -> {
                    Map<String, Object> other = new HashMap<>(visit);
                    other.put("notes", "另一次走访");
                    return post("/api/v1/visits", other);
                }));
        all.add(ErrorScenario.of("batch-too-large", "501 valid visits in one batch")
                .answers(413, "batch-too-large").unchanged(visits())
                .when(() -> {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (int i = 0; i < 501; i++) {
                        batch.add(visitBody(helper, pairedHousehold));
                    }
                    return post("/api/v1/visits/batch", Map.of("visits", batch));
                }));
        all.add(ErrorScenario.of("no-helper-account", "my work asked for by a cadre whose account is linked to no helper")
                .answers(404, "no-helper-account").unchanged(helpersOfTheUnit())
                .when(() -> given().auth().oauth2(E2eSuite.caller("e2e-unlinked-cadre", "village-cadre", VILLAGE))
                        .get("/api/v1/my-work")));
        all.add(ErrorScenario.of("account-linked-elsewhere", "linking a second helper to an account already linked")
                .answers(409, "account-linked-elsewhere").unchanged(resource("/api/v1/helpers/" + helper + "/account"),
                        resource("/api/v1/helpers/" + otherHelper))
                .when(() -> as(admin).contentType(ContentType.JSON).body(Map.of("subject", LINKED_ACCOUNT))
                        .put("/api/v1/helpers/" + otherHelper + "/account")));
        return all;
    }

    private static String registerHousehold() {
        return as(admin).contentType(ContentType.JSON).body(Households.household(VILLAGE, 1)).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
    }

    /** Households or villages of the township in the alerts of a type: what the replica knows. */
    private static List<String> alerts(String type) {
        List<Map<String, Object>> items = as(admin).queryParam("type", type).queryParam("region", TOWNSHIP).queryParam("limit", 500)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().map(item -> String.valueOf(item.get("householdId") == null ? item.get("villageCode") : item.get("householdId")))
                .toList();
    }

    private static void awaitReplica(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(condition);
    }

    private static Map<String, Object> helperBody(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "李帮扶", "phone", "13900001111", "unitId", unit, "kind", "CADRE"));
        change.accept(body);
        return body;
    }

    private static Map<String, Object> measureBody(String household, String status, LocalDate startedOn) {
        return measureBody(household, status, startedOn, 3000);
    }

    private static Map<String, Object> measureBody(String household, String status, LocalDate startedOn, Number amount) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "INDUSTRY", "provider", Map.of("kind", "HELPER", "id", helper),
                "amount", amount, "startedOn", startedOn.toString(), "status", status));
        if (household != null) {
            body.put("householdId", household);
        }
        return body;
    }

    /** A visit of today: pairings in these tests start today, and a visit counts only on a day of the pairing. */
    private static Map<String, Object> visitBody(String helperId, String householdId) {
        return new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "helperId", helperId, "householdId", householdId,
                "visitedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "notes", "走访了解情况"));
    }

    private static Response end(String pairing, Map<String, Object> body) {
        return as(admin).header("If-Match", etag("/api/v1/pairings/" + pairing)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/pairings/" + pairing + "/end");
    }

    private static Response confirm(String measure, LocalDate on) {
        return post("/api/v1/measures/" + measure + "/confirmations", Map.of("confirmedOn", on.toString()));
    }

    private static Response post(String path, Object body) {
        return as(admin).contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response patch(String path, String ifMatch, Map<String, Object> body) {
        RequestSpecification request = as(admin).contentType("application/merge-patch+json; charset=UTF-8").body(body);
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).patch(path);
    }

    private static String created(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static String etag(String path) {
        return as(admin).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A resource with its ETag. */
    private static View resource(String path) {
        return () -> ErrorScenario.seen(as(admin).get(path));
    }

    /** Every item of a county-wide list, page by page. */
    private static View countyWide(String path) {
        return () -> {
            StringBuilder items = new StringBuilder();
            String cursor = null;
            do {
                RequestSpecification request = as(admin).queryParam("limit", 500);
                Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get(path);
                items.append(page.jsonPath().getList("items"));
                cursor = page.jsonPath().getString("nextCursor");
            } while (cursor != null);
            return items.toString();
        };
    }

    private static View helpersOfTheUnit() {
        return () -> as(admin).queryParam("unitId", unit).queryParam("limit", 500).get("/api/v1/helpers").asString();
    }

    private static View pairings() {
        return inTheTownship("/api/v1/pairings");
    }

    private static View pairingsOf(String household) {
        return () -> as(admin).queryParam("householdId", household).get("/api/v1/pairings").asString();
    }

    private static View workTeams() {
        return inTheTownship("/api/v1/work-teams");
    }

    private static View measures() {
        return inTheTownship("/api/v1/measures");
    }

    private static View visits() {
        return inTheTownship("/api/v1/visits");
    }

    private static View inTheTownship(String path) {
        return () -> as(admin).queryParam("region", TOWNSHIP).queryParam("limit", 500).get(path).asString();
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_ZONE);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
