package org.fupin.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools the document checks run, installed once from the npm registry into
 * e2e-tests/target/node-tools (the machine's Node.js and npm; no tool downloads anything else).
 */
final class NodeTools {

    static final String REDOCLY = "@redocly/cli@2.77.0";
    static final String ASYNCAPI_PARSER = "@asyncapi/parser@3.6.6";
    static final String TYPESCRIPT = "typescript@5.9.3";

    private NodeTools() {
    }

    record Result(int exitCode, String output) {
    }

    static Path root() {
        return Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** The folder holding node_modules with every tool above, installed on first use. */
    static synchronized Path installed() throws IOException, InterruptedException {
        Path tools = root().resolve("e2e-tests/target/node-tools");
        if (!Files.isExecutable(tools.resolve("node_modules/.bin/redocly")) || !Files.isExecutable(tools.resolve("node_modules/.bin/tsc"))
                || !Files.isDirectory(tools.resolve("node_modules/@asyncapi/parser"))) {
            Result install = run(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", tools.toString(),
                    REDOCLY, ASYNCAPI_PARSER, TYPESCRIPT), root(), 900);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm could not install " + List.of(REDOCLY, ASYNCAPI_PARSER, TYPESCRIPT) + ":\n"
                        + install.output());
            }
        }
        return tools;
    }

    static Result run(List<String> command, Path directory, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-tool", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(process.exitValue(), output);
    }
}
