package org.fupin.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox and its relay to Kafka. */
@ConfigMapping(prefix = "fupin.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. /household-service. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** Whether this instance runs the relay; any number may, one at a time publishes. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay waits for new rows when nobody wakes it (a safety net, commits wake it). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many rows the relay reads at a time. */
    @WithDefault("500")
    int batchSize();

    /**
     * How many batches one round reads under a backlog, each while the previous is on its way to the
     * broker, before it waits for the acknowledgements and marks them sent in one statement.
     */
    @WithDefault("10")
    int batchesPerRound();

    /** The longest pause between rounds while the broker is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long the broker may take to acknowledge a round before it is retried. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long sent rows are kept for inspection before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    /** How often the backlog metrics (fupin_outbox_backlog, fupin_outbox_oldest_unsent_age_seconds) are read. */
    @WithDefault("10s")
    Duration metricsEvery();
}
