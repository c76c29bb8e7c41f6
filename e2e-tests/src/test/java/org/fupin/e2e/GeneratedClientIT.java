package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.fupin.client.ApiClient;
import org.fupin.client.ApiException;
import org.fupin.client.api.AssistanceGroupsApi;
import org.fupin.client.api.HelpersApi;
import org.fupin.client.api.HouseholdsApi;
import org.fupin.client.api.PairingsApi;
import org.fupin.client.api.RegionsApi;
import org.fupin.client.api.ReportsApi;
import org.fupin.client.api.UnitsApi;
import org.fupin.client.api.VisitsApi;
import org.fupin.client.model.AssistanceGroupRequest;
import org.fupin.client.model.Education;
import org.fupin.client.model.Health;
import org.fupin.client.model.HelperKind;
import org.fupin.client.model.HelperRequest;
import org.fupin.client.model.Household;
import org.fupin.client.model.HouseholdCategory;
import org.fupin.client.model.HouseholdRequest;
import org.fupin.client.model.HouseholdSummary;
import org.fupin.client.model.LaborCapacity;
import org.fupin.client.model.MemberRequest;
import org.fupin.client.model.OverviewReport;
import org.fupin.client.model.Pairing;
import org.fupin.client.model.PairingKind;
import org.fupin.client.model.PairingRequest;
import org.fupin.client.model.PovertyCause;
import org.fupin.client.model.Problem;
import org.fupin.client.model.RegionLevel;
import org.fupin.client.model.RegionRequest;
import org.fupin.client.model.Relation;
import org.fupin.client.model.UnitRequest;
import org.fupin.client.model.UnitType;
import org.fupin.client.model.Visit;
import org.fupin.client.model.VisitRequest;
import org.fupin.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What an integrator does with the published document: generate a client and use it (issue 18).
 * The openapi-generator Maven plugin generates, from api/openapi.json, a Java client (compiled with
 * these tests) and a TypeScript client; here the Java client drives a real scenario through the
 * gateway, the TypeScript one must type-check, and api/openapi.json must be what the running
 * gateway serves, so that the clients are generated from the truth. What a generator trips over is
 * fixed in the document, not here.
 */
class GeneratedClientIT {

    private static final String COUNTY = "500273";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String VILLAGE = TOWNSHIP + "201";

    private static Suite suite;
    private static ApiClient client;

    @BeforeAll
    static void aClientOfACountyAdmin() {
        suite = E2eSuite.get();
        String token = suite.token("county-admin", COUNTY);
        client = new ApiClient();
        client.updateBaseUri(suite.gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void thePublishedDocumentIsTheOneTheGatewayServes() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path published = NodeTools.root().resolve("api/openapi.json");
        JsonNode served = json.readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        if (Boolean.getBoolean("fupin.api.update")) {
            Files.writeString(published, json.writeValueAsString(served) + "\n");
        }
        assertThat(json.readTree(published.toFile()))
                .as("api/openapi.json differs from what the gateway serves at /openapi: after changing the API, run the e2e "
                        + "tests with -Dfupin.api.update=true to rewrite it, and review its diff")
                .isEqualTo(served);
    }

    @Test
    void aJavaClientGeneratedFromTheDocumentRegistersSearchesPairsVisitsAndReadsAReport() throws Exception {
        RegionsApi regions = new RegionsApi(client);
        regions.regionResourcePut(COUNTY, region("生成县", RegionLevel.COUNTY, null, 3000), null);
        regions.regionResourcePut(TOWNSHIP, region("客户镇", RegionLevel.TOWNSHIP, COUNTY, 2000), null);
        regions.regionResourcePut(VILLAGE, region("契约村", RegionLevel.VILLAGE, TOWNSHIP, 900).poorVillage(true), null);

        HouseholdsApi households = new HouseholdsApi(client);
        HouseholdRequest request = household(Households.idNumber(), Households.idNumber());
        Household registered = households.householdResourceRegister(request, UUID.randomUUID().toString());
        assertThat(registered.getVillageCode()).isEqualTo(VILLAGE);
        assertThat(registered.getMembers()).hasSize(2);

        List<HouseholdSummary> found = households.householdResourceList(null, null, null, null, "闻生成", VILLAGE, null).getItems();
        assertThat(found).extracting(HouseholdSummary::getId).contains(registered.getId());

        UUID group = new AssistanceGroupsApi(client).groupResourceCreate(new AssistanceGroupRequest().name("生成帮扶集团"), null).getId();
        UUID unit = new UnitsApi(client).unitResourceRegister(new UnitRequest().name("生成县教育局").type(UnitType.DEPARTMENT)
                .groupId(group).regionCode(COUNTY), null).getId();
        UUID helper = new HelpersApi(client).helperResourceRegister(new HelperRequest().name("闻帮扶").phone("13900003333")
                .unitId(unit).kind(HelperKind.CADRE), null).getId();

        PairingsApi pairings = new PairingsApi(client);
        PairingRequest pairing = new PairingRequest().kind(PairingKind.HELPER_HOUSEHOLD).helperId(helper)
                .householdId(registered.getId());
        // assistance-service knows the household once its household.registered event has arrived.
        Pairing started = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).ignoreException(ApiException.class)
                .until(() -> pairings.pairingResourceStart(pairing, null), result -> result != null);
        assertThat(started.getHelperId()).isEqualTo(helper);

        Visit visit = new VisitsApi(client).visitResourceRecord(new VisitRequest().id(UUID.randomUUID()).helperId(helper)
                .householdId(registered.getId()).visitedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                .notes("入户走访，了解就医情况"));
        assertThat(visit.getHouseholdId()).isEqualTo(registered.getId());

        ReportsApi reports = new ReportsApi(client);
        OverviewReport overview = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> reports.reportResourceOverview(null, VILLAGE), report -> report.getHouseholds().getTotal() == 1);
        assertThat(overview.getPeople().getTotal()).isEqualTo(2L);
    }

    @Test
    void aJavaClientGeneratedFromTheDocumentReadsAProblemWithItsCode() throws Exception {
        HouseholdsApi households = new HouseholdsApi(client);
        String valid = Households.idNumber();
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '1' ? "2" : "1");

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> households.householdResourceRegister(household(wrongCheckDigit, Households.idNumber()), null));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("validation-failed");
        assertThat(problem.getErrors()).anySatisfy(error -> {
            assertThat(error.getField()).isEqualTo("members[0].idNumber");
            assertThat(error.getCode()).isEqualTo("id-number-check-digit");
        });
    }

    @Test
    void aTypeScriptClientGeneratedFromTheDocumentTypeChecks() throws Exception {
        Path root = NodeTools.root();
        Path generated = root.resolve("e2e-tests/target/generated-clients/typescript");
        assertThat(generated.resolve("apis/HouseholdsApi.ts")).as("generated by openapi-generator (typescript-fetch)").exists();
        Files.writeString(generated.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "target": "ES2020", "lib": ["ES2020", "DOM"], "module": "ES2020", "moduleResolution": "node",
                    "strict": true, "noEmit": true, "skipLibCheck": false
                  },
                  "include": ["**/*.ts"]
                }
                """);
        Path tsc = NodeTools.installed().resolve("node_modules/.bin/tsc");
        NodeTools.Result check = NodeTools.run(List.of(tsc.toString(), "-p", generated.resolve("tsconfig.json").toString()), root, 600);
        assertThat(check.exitCode()).as("tsc on the generated TypeScript client:%n%s", check.output()).isZero();
    }

    private static RegionRequest region(String name, RegionLevel level, String parent, int ruralPopulation) {
        return new RegionRequest().name(name).level(level).parentCode(parent).ruralPopulation(ruralPopulation)
                .poorVillage(false).deepPoverty(false);
    }

    private static HouseholdRequest household(String headIdNumber, String childIdNumber) {
        return new HouseholdRequest().villageCode(VILLAGE).address("契约村二组").phone("13900004444")
                .category(HouseholdCategory.GENERAL).causes(List.of(PovertyCause.ILLNESS)).primaryCause(PovertyCause.ILLNESS)
                .identifiedYear(2016).annualIncomePerCapita(new BigDecimal("2800.00")).registeredOn(LocalDate.of(2016, 6, 1))
                .members(List.of(member("闻生成", headIdNumber, Relation.HEAD), member("闻客端", childIdNumber, Relation.CHILD)));
    }

    private static MemberRequest member(String name, String idNumber, Relation relation) {
        return new MemberRequest().name(name).idNumber(idNumber).relation(relation).health(Health.HEALTHY).severeMentalIllness(false)
                .education(Education.GRADUATED).laborCapacity(LaborCapacity.FULL).medicalInsurance(true).migrantWorker(false);
    }
}
