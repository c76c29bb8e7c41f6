package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessControlTest {

    @TempDir
    Path home;

    private ProcessControl processes() {
        return new ProcessControl(home.resolve("run"), home.resolve("logs"));
    }

    /** The pid of a process that has come and gone. */
    private static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void aPidFileNamingADeadProcessIsStaleAndRemoved() throws IOException, InterruptedException {
        ProcessControl processes = processes();
        Files.createDirectories(home.resolve("run"));
        Files.writeString(processes.pidFile("household"), deadPid() + "\n");

        assertThat(processes.livePid("household")).isEmpty();
        assertThat(processes.pidFile("household")).doesNotExist();
    }

    @Test
    void aGarbledPidFileIsStaleToo() throws IOException {
        ProcessControl processes = processes();
        Files.createDirectories(home.resolve("run"));
        Files.writeString(processes.pidFile("kafka"), "not a pid");

        assertThat(processes.livePid("kafka")).isEmpty();
        assertThat(processes.pidFile("kafka")).doesNotExist();
    }

    @Test
    void aPidReusedByAnotherProgramIsNotTakenForTheService() throws IOException, InterruptedException {
        ProcessControl processes = processes();
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            Files.createDirectories(home.resolve("run"));
            Files.writeString(processes.pidFile("gateway"), sleep.pid() + "\n");

            assertThat(processes.livePid("gateway")).isEmpty();
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void aStartedProcessIsFoundByItsPidFileLogsAndStops() throws IOException, InterruptedException {
        ProcessControl processes = processes();
        Path program = home.resolve("Wait.java");
        Files.writeString(program, """
                class Wait {
                    public static void main(String[] args) throws Exception {
                        System.out.println("waiting");
                        Thread.sleep(60_000);
                    }
                }
                """);

        long pid = processes.start("waiter", List.of(Services.javaExecutable(), program.toString()), Map.of(), home);

        assertThat(processes.livePid("waiter")).hasValue(pid);
        assertThat(Files.readString(processes.pidFile("waiter")).strip()).isEqualTo(String.valueOf(pid));
        awaitLine(processes.logFile("waiter"), "waiting");

        assertThat(processes.stop("waiter")).isTrue();
        assertThat(ProcessControl.alive(pid)).isFalse();
        assertThat(processes.pidFile("waiter")).doesNotExist();
        assertThat(processes.stop("waiter")).isFalse();
    }

    private static void awaitLine(Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(log) && Files.readAllLines(log).contains(line))) {
            assertThat(System.nanoTime()).as("'%s' in %s", line, log).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
