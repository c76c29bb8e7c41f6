package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The merged OpenAPI document of the running suite, linted with Redocly's recommended rules
 * (redocly.yaml at the root): no errors allowed; and the AsyncAPI document of the topics the
 * gateway serves beside it, read by the AsyncAPI parser as AsyncAPI tools read it. Both tools are
 * installed from the npm registry into target/ on first use.
 */
class OpenApiLintIT {

    @BeforeAll
    static void startSuite() {
        E2eSuite.get();
    }

    @Test
    void theMergedDocumentHasNoLintErrors() throws Exception {
        Path root = NodeTools.root();
        Path target = root.resolve("e2e-tests/target");
        Path document = target.resolve("openapi.json");
        Files.writeString(document, given().get("/openapi").then().statusCode(200).extract().asString());

        Path redocly = NodeTools.installed().resolve("node_modules/.bin/redocly");
        NodeTools.Result lint = NodeTools.run(List.of(redocly.toString(), "lint", "--config", root.resolve("redocly.yaml").toString(),
                "--format", "stylish", document.toString()), root, 300);
        assertThat(lint.exitCode()).as("redocly lint of the merged document:%n%s", lint.output()).isZero();
        assertThat(lint.output()).doesNotContainPattern("(?m)^\\s*\\d+ errors?");
    }

    @Test
    void theAsyncApiDocumentIsValidForTheAsyncApiParser() throws Exception {
        Path root = NodeTools.root();
        Path document = root.resolve("e2e-tests/target/asyncapi.json");
        String text = given().get("/asyncapi").then().statusCode(200).extract().asString();
        Files.writeString(document, text);
        JsonPath asyncapi = JsonPath.from(text);
        assertThat(asyncapi.getString("asyncapi")).isEqualTo("3.0.0");
        assertThat(asyncapi.getMap("channels")).containsKeys("householdEvents", "assistanceEvents", "monitoringSignals");

        Path tools = NodeTools.installed();
        // The script resolves @asyncapi/parser from the node_modules beside it.
        Path script = tools.resolve("validate-asyncapi.mjs");
        try (var in = OpenApiLintIT.class.getResourceAsStream("/asyncapi/validate.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        NodeTools.Result parsed = NodeTools.run(List.of("node", script.toString(), document.toString()), root, 300);
        assertThat(parsed.exitCode()).as("@asyncapi/parser on /asyncapi:%n%s", parsed.output()).isZero();
        assertThat(parsed.output()).contains("AsyncAPI 3.0.0 valid");
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

    /** A generated client gives every parameter its type: a String, a UUID, a date, never an Object. */
    @Test
    @SuppressWarnings("unchecked")
    void everyParameterDeclaresItsType() {
        JsonPath document = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> untyped = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !(op.get("parameters") instanceof List<?> parameters)) {
                return;
            }
            for (Object each : parameters) {
                Map<String, Object> parameter = (Map<String, Object>) each;
                Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
                if (schema == null || !(schema.containsKey("type") || schema.containsKey("$ref") || schema.containsKey("enum"))) {
                    untyped.add(method.toUpperCase() + " " + path + " " + parameter.get("name") + ": " + schema);
                }
            }
        }));
        assertThat(untyped).as("parameters without a type").isEmpty();
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
}
