package org.fupin.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
