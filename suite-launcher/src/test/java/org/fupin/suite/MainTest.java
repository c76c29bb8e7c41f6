package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void helpPrintsTheCommands() {
        assertThat(main.run(List.of("help"))).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up [--build]", "down", "status", "logs SERVICE", "token ROLE", "test");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(main.run(List.of())).isEqualTo(Main.USAGE);
        assertThat(main.run(List.of("start"))).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'start'");
    }

    @Test
    void anUnknownRoleIsAUsageErrorNamingTheValidRoles() {
        assertThat(main.run(List.of("token", "mayor"))).isEqualTo(Main.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mayor", "county-admin", "auditor");
    }

    @Test
    void logsOfAnUnknownPartIsAUsageError() {
        assertThat(main.run(List.of("logs", "postgresql"))).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("household", "kafka");
    }

    @Test
    void commandsWithoutArgumentsRefuseExtraOnes() {
        assertThat(main.run(List.of("down", "now"))).isEqualTo(Main.USAGE);
        assertThat(main.run(List.of("up", "--fast"))).isEqualTo(Main.USAGE);
    }
}
