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
    void aJsonLineReadsLikeThePlainFormat() {
        String json = """
                {"timestamp":"2026-12-07T20:59:36.000063584Z","sequence":163,"loggerClassName":"org.jboss.logging.Logger",\
                "loggerName":"io.quarkus.http.access-log","level":"INFO","message":"POST /api/v1/households 201 1166 12 ms",\
                "threadName":"executor-thread-3","threadId":45,"mdc":{"spanId":"18a54462b792364d","requestId":"req-1",\
                "subject":"county-admin-1","traceId":"221a1fd1d87da245f416ecf5d4558963","sampled":"true"},"ndc":"",\
                "hostName":"vm","processId":3648,"service":"household-service"}""";

        assertThat(LogFiles.readable(json)).isEqualTo("20:59:36.000 INFO  [io.quarkus.http.access-log] (executor-thread-3) "
                + "[req-1 221a1fd1d87da245f416ecf5d4558963 county-admin-1] POST /api/v1/households 201 1166 12 ms");
    }

    @Test
    void aJsonLineWithAnExceptionNamesIt() {
        String json = "{\"timestamp\":\"2026-12-07T21:00:00.004Z\",\"level\":\"ERROR\",\"loggerName\":\"org.fupin.X\","
                + "\"threadName\":\"main\",\"message\":\"failed\",\"mdc\":{},"
                + "\"exception\":{\"refId\":1,\"exceptionType\":\"java.lang.IllegalStateException\",\"message\":\"stopped\"}}";

        assertThat(LogFiles.readable(json)).isEqualTo("21:00:00.004 ERROR [org.fupin.X] (main) [  ] failed"
                + System.lineSeparator() + "java.lang.IllegalStateException: stopped");
    }

    @Test
    void plainAndBrokenLinesStayAsTheyAre() {
        assertThat(LogFiles.readable("20:53:40,845 INFO  [io.quarkus] (main) [  ] started")).isEqualTo(
                "20:53:40,845 INFO  [io.quarkus] (main) [  ] started");
        assertThat(LogFiles.readable("{not json")).isEqualTo("{not json");
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
