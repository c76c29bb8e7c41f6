package org.fupin.suite.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class DemoCommandTest {

    /** A command that only takes the demo's options, as {@code demo} and {@code up --demo} do. */
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DemoCommand.CommandLineOptions demo;
    }

    @Test
    void defaultsAndOptions() {
        assertThat(parse().options()).isEqualTo(new DemoCommand.Options(DemoCommand.DEFAULT_HOUSEHOLDS, "500236"));
        assertThat(parse().given()).isFalse();
        assertThat(parse("--households", "300", "--county", "500237").options()).isEqualTo(new DemoCommand.Options(300, "500237"));
        assertThat(parse("--households", "10").given()).isTrue();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("--households", "0")).isInstanceOf(ParameterException.class).hasMessageContaining("1 to 200000");
        assertThatThrownBy(() -> parse("--households", "200001")).isInstanceOf(ParameterException.class).hasMessageContaining("not 200001");
        assertThatThrownBy(() -> parse("--county", "5002")).isInstanceOf(ParameterException.class).hasMessageContaining("6-digit");
    }

    @Test
    void theSummaryCountsTheMonthsSignalsAndWhatBecameOfTheAlerts() {
        DemoLoader.Monitoring monitoring = new DemoLoader.Monitoring(97, 4, Map.of("ALERT_OPENED", 33L, "ALERT_JOINED", 13L,
                "NO_WARNING", 40L, "NOT_MONITORED", 6L, "UNKNOWN_PERSON", 5L), 50, 25, 15, 12, 10, 11);
        assertThat(DemoCommand.monitoringLines(monitoring)).containsExactly(
                "  Signals      97 from the departments over the last 30 days (4 sent again changed nothing): 33 opened an alert, "
                        + "13 joined one, 40 under the thresholds, 6 about households in the poor register, 5 about people not registered",
                "  Alerts       50 open, 25 verified: 15 risks confirmed (12 approved by the township), 10 dismissed; 25 left open");
    }

    private static DemoCommand.CommandLineOptions parse(String... arguments) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(arguments);
        return probe.demo;
    }
}
