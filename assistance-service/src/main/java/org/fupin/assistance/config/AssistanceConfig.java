package org.fupin.assistance.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the assistance rules. */
@ConfigMapping(prefix = "fupin.assistance")
public interface AssistanceConfig {

    /** The county's time zone: "today" for start, end and confirmation dates, and the day of a visit. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How long a paired household may go without a visit before it shows as an OVERDUE_VISIT alert. */
    @WithDefault("30d")
    Duration visitOverdueAfter();

    /** household-service, where "my work" reads the visit cards and monitoring alerts of a helper's households. */
    Registry registry();

    /** What "my work" (GET /api/v1/my-work) lists. */
    MyWork myWork();

    interface Registry {

        /** Its API (FUPIN_ASSISTANCE_REGISTRY_URL); calls carry the caller's own token, so its scope and masks apply. */
        @WithDefault("http://127.0.0.1:8081")
        URI url();

        /** How long one call may take before "my work" answers without what it would have read. */
        @WithDefault("3s")
        Duration timeout();
    }

    interface MyWork {

        /** Visits falling due within this time from now are listed among the due visits (overdue ones always). */
        @WithDefault("7d")
        Duration dueWithin();
    }
}
