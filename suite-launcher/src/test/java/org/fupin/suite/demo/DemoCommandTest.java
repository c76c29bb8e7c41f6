package org.fupin.suite.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void defaultsAndOptions() {
        assertThat(DemoCommand.parse(List.of(), List.of()))
                .isEqualTo(new DemoCommand.Options(DemoCommand.DEFAULT_HOUSEHOLDS, "500236", null));
        assertThat(DemoCommand.parse(List.of("--households", "300", "--county", "500237"), List.of()))
                .isEqualTo(new DemoCommand.Options(300, "500237", null));
        assertThat(DemoCommand.parse(List.of("--build", "--demo", "--households", "10"), List.of("--build", "--demo")).households())
                .isEqualTo(10);
    }

    @Test
    void mistakesAreNamed() {
        assertThat(DemoCommand.parse(List.of("--households"), List.of()).error()).contains("needs a value");
        assertThat(DemoCommand.parse(List.of("--households", "many"), List.of()).error()).contains("a number");
        assertThat(DemoCommand.parse(List.of("--households", "0"), List.of()).error()).contains("1 to");
        assertThat(DemoCommand.parse(List.of("--county", "5002"), List.of()).error()).contains("6-digit");
        assertThat(DemoCommand.parse(List.of("--fast"), List.of()).error()).contains("unknown option --fast");
    }
}
