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
        assertThat(out()).contains("up [--build]", "down", "status", "logs SERVICE", "token ROLE", "test", "county-admin");
        assertThat(err()).isEmpty();
    }

    @Test
    void theCommandsAreListedWithTheirSynopsesAndDescriptions() {
        main.run(List.of("--help"));
        assertThat(out()).startsWith("Usage: ./suite COMMAND" + System.lineSeparator() + System.lineSeparator())
                .contains("  down                    stop everything this suite started")
                .contains("  up [--build] [--demo [--households N]]" + System.lineSeparator()
                        + "                          start PostgreSQL, Kafka and the four services")
                .contains("State lives in .suite/ (or FUPIN_SUITE_HOME); see suite-launcher/README.md for the settings.")
                .doesNotContain("  help");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(main.run(List.of())).isEqualTo(Main.USAGE);
        assertThat(out()).contains("Usage: ./suite COMMAND");
        assertThat(main.run(List.of("start"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("Usage: ./suite COMMAND", "suite: unknown command 'start'", "Run ./suite help for the commands.");
    }

    @Test
    void anUnknownRoleIsAUsageErrorNamingTheValidRoles() {
        assertThat(main.run(List.of("token", "mayor"))).isEqualTo(Main.USAGE);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("mayor", "county-admin", "auditor");
    }

    @Test
    void logsOfAnUnknownPartIsAUsageError() {
        assertThat(main.run(List.of("logs", "postgresql"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("household", "kafka");
    }

    @Test
    void commandsWithoutArgumentsRefuseExtraOnes() {
        assertThat(main.run(List.of("down", "now"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("'now'");
        assertThat(main.run(List.of("up", "--fast"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("'--fast'");
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        assertThat(main.run(List.of("demo", "--fast"))).isEqualTo(Main.USAGE);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("suite: ", "'--fast'", "Run ./suite help for the commands.");
    }

    @Test
    void demoOptionsThatDoNotParseAreUsageErrors() {
        assertThat(main.run(List.of("demo", "--households"))).isEqualTo(Main.USAGE);
        assertThat(main.run(List.of("demo", "--households", "many"))).isEqualTo(Main.USAGE);
        assertThat(main.run(List.of("demo", "--households", "0"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("--households", "'many'", "1 to 200000");
    }

    @Test
    void upTakesTheDemoOptionsOnlyWithDemo() {
        assertThat(main.run(List.of("up", "--households", "10"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("--demo");
    }

    @Test
    void testIsTheScriptsBusiness() {
        assertThat(main.run(List.of("test", "-pl", "gateway"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("use ./suite test");
    }

    @Test
    void argumentsAreNeverReadFromFiles() {
        assertThat(main.run(List.of("token", "@/etc/hostname"))).isEqualTo(Main.USAGE);
        assertThat(err()).contains("@/etc/hostname");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
