package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void theLastLinesInOrder() throws IOException {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");

        assertThat(LogFiles.lastLines(log, 2)).containsExactly("three", "four");
        assertThat(LogFiles.lastLines(log, 200)).containsExactly("one", "two", "three", "four");
    }

    @Test
    void aMissingLogHasNoLines() {
        assertThat(LogFiles.lastLines(dir.resolve("none.log"), 20)).isEmpty();
    }

    @Test
    void malformedBytesDoNotStopTheReading() throws IOException {
        Path log = dir.resolve("binary.log");
        Files.write(log, new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, '\n', 'z', '\n'});

        assertThat(LogFiles.lastLines(log, 3)).hasSize(3).endsWith("z");
    }

    @Test
    void rotationKeepsThePreviousRun() throws IOException {
        Path log = dir.resolve("gateway.log");
        Files.writeString(log, "previous run\n");

        LogFiles.rotate(log);

        assertThat(log).doesNotExist();
        assertThat(dir.resolve("gateway.log.1")).hasContent("previous run");
    }
}
