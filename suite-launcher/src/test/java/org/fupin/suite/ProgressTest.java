package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Progress progress = new Progress(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void numberedStepsOneLineEach() {
        progress.plan(8);
        progress.step("Signing keys").done("present");
        progress.step("PostgreSQL").done("running");
        progress.step("Kafka broker").done("ready");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                [ 1/8] Signing keys .............. present
                [ 2/8] PostgreSQL ................ running
                [ 3/8] Kafka broker .............. ready
                """);
    }

    @Test
    void aNoteStaysOnTheStepLine() {
        Progress.Step step = progress.step("PostgreSQL");
        step.note("installing...");
        step.done("started");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("PostgreSQL ................ installing... started\n");
    }

    @Test
    void aFailureNamesThePartTheReasonAndTheLogAndShowsItsEnd(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("household.log");
        Files.writeString(log, IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");
        progress.step("household-service");

        progress.failed(new SuiteException("household-service", "the process exited before it was ready", log));

        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("household-service ......... failed\n");
        String failure = err.toString(StandardCharsets.UTF_8);
        assertThat(failure).startsWith("FAILED: household-service: the process exited before it was ready. Read " + log + "\n");
        assertThat(failure).contains("line 11\n", "line 30\n").doesNotContain("line 10\n");
    }

    @Test
    void aBarOnStandardErrorIsWipedWhenTheStepIsDone() {
        Progress withBars = new Progress(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        Progress.Step step = withBars.step("Pairings");
        step.bar(15, 30);
        step.bar(16, 30); // within 150 ms of the last drawing: skipped
        step.bar(30, 30); // the last one is always drawn
        step.done("30 pairings");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\rPairings .................. [" + "#".repeat(15) + "-".repeat(15) + "] 15/30"
                        + "\rPairings .................. [" + "#".repeat(30) + "] 30/30"
                        + "\r\033[K");
        // The label again after the wipe, then the outcome: on a terminal the line reads as without a bar.
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Pairings .................. Pairings .................. 30 pairings\n");
    }

    @Test
    void noBarWithoutATerminal() {
        Progress withoutBars = new Progress(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Progress.Step step = withoutBars.step("Pairings");
        step.bar(30, 30);
        step.done("30 pairings");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Pairings .................. 30 pairings\n");
    }
}
