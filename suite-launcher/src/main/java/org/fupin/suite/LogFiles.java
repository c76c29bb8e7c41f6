package org.fupin.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
     * Prints the end of the log and then what is appended to it, across rotations, until interrupted.
     * {@code tail -F} does exactly that and is on every machine that runs the suite.
     */
    static int follow(Path log, int lines) throws IOException, InterruptedException {
        return new ProcessBuilder("tail", "-n", String.valueOf(lines), "-F", log.toString())
                .inheritIO()
                .start()
                .waitFor();
    }
}
