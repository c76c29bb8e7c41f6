package org.fupin.household.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the registry's rules. */
@ConfigMapping(prefix = "fupin.registry")
public interface RegistryConfig {

    /** The county's time zone: "today" for birth dates, registration and effective dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The poverty line (貧困線) in CNY of annual income per capita, per year. */
    Map<Integer, BigDecimal> povertyLine();

    /**
     * How long an app's change-feed cursor stays good: the feed remembers this long which households left a region.
     * An app that has not synced for longer syncs from scratch (410 cursor-expired).
     */
    @WithDefault("30d")
    Duration syncRetention();

    /** How often the households-by-status gauge (fupin_households) is counted. */
    @WithDefault("60s")
    Duration gaugesEvery();
}
