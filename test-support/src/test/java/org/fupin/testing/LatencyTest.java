package org.fupin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void p50AndP99AreTheMeasuredMillisecondsAtThoseRanks() {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            millis.add(i / 10.0);
        }
        Collections.shuffle(millis);

        Latency latency = Latency.of(millis, "last");

        // 0.1 ms to 100 ms in steps of 0.1 ms: the 500th and the 990th value.
        assertThat(latency.p50()).isCloseTo(50.0, within(0.05));
        assertThat(latency.p99()).isCloseTo(99.0, within(0.1));
        assertThat(latency.lastBody()).isEqualTo("last");
    }

    @Test
    void aFewSlowAnswersShowInP99AndNotInP50() {
        List<Double> millis = new ArrayList<>(Collections.nCopies(98, 5.0));
        millis.add(800.0);
        millis.add(900.0);

        Latency latency = Latency.of(millis, null);

        assertThat(latency.p50()).isCloseTo(5.0, within(0.01));
        assertThat(latency.p99()).isCloseTo(800.0, within(1.0));
    }

    @Test
    void refusesToMakeAFigureOfNothing() {
        assertThatThrownBy(() -> Latency.of(List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
