package org.fupin.suite.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static DemoCommand.CommandLineOptions parse(String... arguments) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(arguments);
        return probe.demo;
    }
}
