package org.fupin.webhook.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered: {@code fupin.webhook.*}, each also settable from the environment. */
@ConfigMapping(prefix = "fupin.webhook")
public interface WebhookConfig {

    /**
     * The county's own networks a subscription may target, in CIDR notation (10.20.0.0/16). Private and
     * reserved ranges are refused unless listed here; loopback, link-local and unspecified addresses always.
     */
    Optional<List<String>> allowedNetworks();

    /** How long a receiver has to answer one delivery; a slower answer counts as a failed attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Deliveries of one subscription sent at once: a slow receiver holds at most this many, never the others'. */
    @WithDefault("4")
    int maxInFlightPerSubscription();

    /** Deliveries claimed per round of the dispatcher. */
    @WithDefault("200")
    int claimBatch();

    /** How long the dispatcher rests when nothing is due. */
    @WithDefault("200ms")
    Duration pollInterval();

    Retry retry();

    /** Delivered deliveries, their attempts and their events are kept this long for the log and replay. */
    @WithDefault("30d")
    Duration retention();

    interface Retry {
        /** The wait after the first failed attempt; each next wait doubles, with jitter. */
        @WithDefault("5s")
        Duration firstDelay();

        @WithDefault("1h")
        Duration maxDelay();

        /** A delivery failing for this long suspends its subscription, with the reason shown to its owner. */
        @WithDefault("24h")
        Duration giveUpAfter();
    }
}
