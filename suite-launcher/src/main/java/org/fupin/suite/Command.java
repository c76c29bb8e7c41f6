package org.fupin.suite;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived external command (psql, pg_ctlcluster, apt-get, the Kafka storage tool) whose
 * output is captured and appended to a log, so that a failure can point at what the tool said.
 * Standard input is never logged as such (SQL with passwords goes through it), only a redacted copy when given.
 */
final class Command {

    /** How a command ended: its exit code (-1 when it timed out or could not start) and its output. */
    record Result(int exitCode, String output) {

        boolean ok() {
            return exitCode == 0;
        }

        /** The last non-blank line of the output, the one that usually says what went wrong. */
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<String> arguments;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> unset = new ArrayList<>();
    private Path workDir;
    private String input;
    private String inputForLog;
    private Duration timeout = Duration.ofMinutes(1);
    private Path log;

    private Command(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    static Command of(String... arguments) {
        return new Command(List.of(arguments));
    }

    static Command of(List<String> arguments) {
        return new Command(arguments);
    }

    Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Command unsetEnv(String... names) {
        unset.addAll(List.of(names));
        return this;
    }

    Command workDir(Path directory) {
        workDir = directory;
        return this;
    }

    Command input(String text) {
        input = text;
        return this;
    }

    /** What the log shows of the standard input: a redacted copy, never the input itself. */
    Command inputForLog(String redacted) {
        inputForLog = redacted;
        return this;
    }

    Command timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    Command log(Path file) {
        log = file;
        return this;
    }

    List<String> arguments() {
        return arguments;
    }

    /** Whether a program is on the PATH (or in the sbin directories a root shell would search). */
    static boolean available(String program) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .anyMatch(Files::isExecutable);
    }

    Result run() {
        Path output = null;
        try {
            output = Files.createTempFile("fupin-suite-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(arguments)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            unset.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            if (input != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Result result = finished
                    ? new Result(process.exitValue(), text)
                    : new Result(-1, text + "\n" + arguments.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            record(result);
            return result;
        } catch (IOException e) {
            Result result = new Result(-1, "cannot run " + String.join(" ", arguments) + ": " + e.getMessage());
            record(result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + arguments.get(0), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            }
        }
    }

    private void record(Result result) {
        if (log == null) {
            return;
        }
        String entry = "[" + LocalTime.now().format(TIME) + "] $ " + String.join(" ", arguments) + "\n"
                + (inputForLog == null ? "" : inputForLog.strip().indent(2))
                + result.output() + (result.output().endsWith("\n") || result.output().isEmpty() ? "" : "\n")
                + (result.ok() ? "" : "(exit " + result.exitCode() + ")\n");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
    }
}
