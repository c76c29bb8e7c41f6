package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The merged OpenAPI document of the running suite, linted with Redocly's recommended rules
 * (redocly.yaml at the root): no errors allowed. Redocly CLI is installed from the npm registry
 * into target/ on first use.
 */
class OpenApiLintIT {

    private static final String REDOCLY = "@redocly/cli@2.77.0";

    @BeforeAll
    static void startSuite() {
        E2eSuite.get();
    }

    @Test
    void theMergedDocumentHasNoLintErrors() throws Exception {
        Path root = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize();
        Path target = root.resolve("e2e-tests/target");
        Path document = target.resolve("openapi.json");
        Files.writeString(document, given().get("/openapi").then().statusCode(200).extract().asString());

        Path tools = target.resolve("node-tools");
        Path redocly = tools.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(redocly)) {
            run(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", tools.toString(), REDOCLY), root, 600);
        }
        Result lint = run(List.of(redocly.toString(), "lint", "--config", root.resolve("redocly.yaml").toString(),
                "--format", "stylish", document.toString()), root, 300);
        assertThat(lint.exitCode()).as("redocly lint of the merged document:%n%s", lint.output()).isZero();
        assertThat(lint.output()).doesNotContainPattern("(?m)^\\s*\\d+ errors?");
    }

    /** An integrator's generated client offers the allowed values of a filter instead of a free string. */
    @Test
    @SuppressWarnings("unchecked")
    void everyEnumeratedFilterListsItsValues() {
        JsonPath document = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("/api/v1/households status", List.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED", "NOT_POOR", "REMOVED"));
        expected.put("/api/v1/households category", List.of("GENERAL", "SUBSISTENCE_ALLOWANCE", "EXTREME_HARDSHIP"));
        expected.put("/api/v1/households cause", List.of("ILLNESS", "DISABILITY", "LACK_OF_MOTIVATION"));
        expected.put("/api/v1/measures type", List.of("INDUSTRY", "MICROCREDIT"));
        expected.put("/api/v1/measures status", List.of("PLANNED", "IN_PROGRESS", "COMPLETED"));
        expected.put("/api/v1/measures providerKind", List.of("HELPER", "UNIT", "GROUP"));
        expected.put("/api/v1/units type", List.of("DEPARTMENT", "ENTERPRISE", "SOCIAL_ORGANIZATION"));
        expected.put("/api/v1/alerts type", List.of("UNPAIRED_HOUSEHOLD", "OVERDUE_VISIT", "VILLAGE_WITHOUT_WORK_TEAM", "RISK_OBSERVED"));
        expected.put("/api/v1/reports/exits interval", List.of("DAY", "WEEK", "MONTH"));
        expected.forEach((key, values) -> {
            String[] pathAndName = key.split(" ");
            List<Map<String, Object>> parameters = document.getList("paths.'" + pathAndName[0] + "'.get.parameters");
            Map<String, Object> schema = parameters.stream().filter(p -> pathAndName[1].equals(p.get("name"))).findFirst()
                    .map(p -> (Map<String, Object>) p.get("schema")).orElseThrow(() -> new AssertionError("no parameter " + key));
            Object ref = schema.get("$ref");
            Map<String, Object> resolved = ref == null ? schema
                    : document.getMap("components.schemas." + ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
            assertThat((List<String>) resolved.get("enum")).as(key).containsAll(values);
        });
    }

    /** A merge patch's body is documented with the fields it may change, not as an arbitrary JSON value. */
    @Test
    void everyPatchDocumentsTheFieldsItChanges() {
        JsonPath document = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> patches = Map.of("/api/v1/households/{id}", "HouseholdPatch",
                "/api/v1/households/{id}/members/{memberId}", "MemberPatch", "/api/v1/helpers/{id}", "HelperPatch",
                "/api/v1/measures/{id}", "MeasurePatch");
        patches.forEach((path, schema) -> {
            String ref = document.getString("paths.'" + path + "'.patch.requestBody.content.'application/merge-patch+json'.schema.$ref");
            assertThat(ref).as(path).isEqualTo("#/components/schemas/" + schema);
            assertThat(document.getMap("components.schemas." + schema + ".properties")).as(schema).isNotEmpty();
        });
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path directory, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("lint", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0 && command.get(0).equals("npm")) {
            throw new IllegalStateException("npm could not install " + REDOCLY + ":\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
