package org.fupin.suite;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The long-running processes of a suite (the broker and the services, all JVMs): started in a
 * session of their own so that they outlive the launcher, found again through pid files, and
 * stopped with SIGTERM, then SIGKILL when they do not stop in time.
 */
public final class ProcessControl {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Path runDir;
    private final Path logsDir;

    public ProcessControl(Path runDir, Path logsDir) {
        this.runDir = runDir;
        this.logsDir = logsDir;
    }

    public Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    public Path logFile(String name) {
        return logsDir.resolve(name + ".log");
    }

    /**
     * The pid of the named process when it runs. A pid file naming a process that is gone, or a
     * pid since reused by something that is not a JVM, is stale and is removed.
     */
    public OptionalLong livePid(String name) {
        Path file = pidFile(name);
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (alive(pid) && isJvm(pid)) {
                return OptionalLong.of(pid);
            }
        } catch (NumberFormatException e) {
            // A garbled pid file is as stale as one naming a dead process.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        deleteQuietly(file);
        return OptionalLong.empty();
    }

    /**
     * Starts a process detached from the launcher ({@code setsid}), its standard output and error
     * appended to {@code logs/<name>.log}, its pid written to {@code run/<name>.pid}.
     */
    public long start(String name, List<String> command, Map<String, String> environment, Path workDir) {
        Path log = logFile(name);
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logsDir);
            Files.writeString(log, "=== " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " starting: "
                            + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> detached = new ArrayList<>();
            // setsid puts the process in a new session: closing the terminal or stopping the
            // launcher does not signal it. Without setsid (not Linux) it still runs on, merely less sheltered.
            if (Command.available("setsid")) {
                detached.add("setsid");
            }
            detached.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(detached)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            // setsid execs the command in place, so this is the pid of the JVM itself.
            long pid = builder.start().pid();
            writeAtomically(pidFile(name), pid + "\n");
            return pid;
        } catch (IOException e) {
            throw new SuiteException(name, "cannot start " + command.get(0) + ": " + e.getMessage(), log, e);
        }
    }

    /**
     * Stops the named process: SIGTERM, up to 20 s to finish, then SIGKILL.
     *
     * @return whether it was running
     */
    public boolean stop(String name) {
        OptionalLong pid = livePid(name);
        if (pid.isEmpty()) {
            return false;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroy);
        if (!awaitExit(pid.getAsLong(), STOP_GRACE)) {
            ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
            if (!awaitExit(pid.getAsLong(), KILL_WAIT)) {
                throw new SuiteException(name, "process " + pid.getAsLong() + " survived SIGKILL", logFile(name));
            }
        }
        deleteQuietly(pidFile(name));
        return true;
    }

    /** Whether a process runs; a zombie (exited, not yet reaped) does not. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    /**
     * Whether Linux lists the process as exited but not yet reaped. A detached process's parent is
     * init, which may take seconds to reap it; until then ProcessHandle still calls it alive.
     */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
            // The state follows the command name, which is in parentheses and may itself contain them.
            int nameEnd = stat.lastIndexOf(')');
            return nameEnd > 0 && stat.length() > nameEnd + 2 && stat.charAt(nameEnd + 2) == 'Z';
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean isJvm(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().command())
                .map(command -> Path.of(command).getFileName().toString())
                // For a moment after the start the process is still setsid, about to exec the JVM.
                .map(program -> program.startsWith("java") || program.equals("setsid"))
                // Some systems hide other users' commands: trust the pid then.
                .orElse(true);
    }

    private static boolean awaitExit(long pid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !alive(pid);
            }
        }
        return true;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Whoever finds it next sees that it is stale and tries again.
        }
    }
}
