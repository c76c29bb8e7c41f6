package org.fupin.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How idempotent consumers retry before they give a record up to the dead-letter topic. */
@ConfigMapping(prefix = "fupin.inbox")
public interface InboxConfig {

    /** Attempts at a record whose handler fails for a reason other than an unreachable database. */
    @WithDefault("5")
    int maxAttempts();

    /** The first pause between attempts; it doubles each time. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** The longest pause between attempts, also while the database is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();
}
