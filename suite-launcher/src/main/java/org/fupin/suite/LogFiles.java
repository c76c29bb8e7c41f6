package org.fupin.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** The log files of the processes the suite starts: reading their end, following them, keeping the previous run. */
final class LogFiles {

    private LogFiles() {
    }

    /** The last lines of a log; empty when it does not exist. Malformed bytes never stop the reading. */
    static List<String> lastLines(Path log, int count) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>(count);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (tail.size() == count) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
        return new ArrayList<>(tail);
    }

    /** Moves the log of the previous run to {@code <name>.log.1}, so that a restart does not erase why it stopped. */
    static void rotate(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rotate " + log, e);
        }
    }

    /**
     * Prints the end of the log and then what is appended to it, across rotations, until interrupted,
     * each line {@link #readable}. {@code tail -F} does the following and is on every machine that runs the suite.
     */
    static int follow(Path log, int lines, PrintStream out) throws IOException, InterruptedException {
        Process tail = new ProcessBuilder("tail", "-n", String.valueOf(lines), "-F", log.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var reader = new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(readable(line));
            }
        } finally {
            tail.destroy();
        }
        return tail.waitFor();
    }

    /**
     * A log line as a person reads it. A service started with {@code QUARKUS_LOG_CONSOLE_JSON=true} writes one
     * JSON object a line, for a log collector; here it reads like the plain format: time, level, logger, thread,
     * [request trace subject], message, and the exception's type and message. Other lines are left as they are.
     */
    static String readable(String line) {
        if (!line.startsWith("{")) {
            return line;
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return line;
        }
        String timestamp = json.getString("timestamp", "");
        int time = timestamp.indexOf('T');
        JsonObject mdc = json.get("mdc") instanceof JsonObject context ? context : JsonValue.EMPTY_JSON_OBJECT;
        StringBuilder readable = new StringBuilder()
                .append(time < 0 ? timestamp : timestamp.substring(time + 1, Math.min(timestamp.length(), time + 13))).append(' ')
                .append(String.format("%-5s", json.getString("level", ""))).append(" [").append(json.getString("loggerName", ""))
                .append("] (").append(json.getString("threadName", "")).append(") [")
                .append(String.join(" ", mdc.getString("requestId", ""), mdc.getString("traceId", ""), mdc.getString("subject", "")))
                .append("] ").append(json.getString("message", ""));
        if (json.get("exception") instanceof JsonObject exception) {
            readable.append(System.lineSeparator()).append(exception.getString("exceptionType", "")).append(": ")
                    .append(exception.getString("message", ""));
        }
        return readable.toString();
    }
}
