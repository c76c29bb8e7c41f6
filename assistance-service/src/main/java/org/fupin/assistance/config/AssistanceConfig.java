package org.fupin.assistance.config;

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
}
