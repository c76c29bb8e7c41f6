package org.fupin.household.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access log of personal data (个人信息查阅记录). */
@ConfigMapping(prefix = "fupin.access-log")
public interface AccessLogConfig {

    /**
     * How long an entry is kept before the retention job deletes it. Three years by default: longer than the six
     * months the Cybersecurity Law asks of network logs, and than a county's audit cycle.
     */
    @WithDefault("P1095D")
    Duration retention();
}
