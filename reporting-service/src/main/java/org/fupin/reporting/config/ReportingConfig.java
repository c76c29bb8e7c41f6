package org.fupin.reporting.config;

import java.math.BigDecimal;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the reports. */
@ConfigMapping(prefix = "fupin.reporting")
public interface ReportingConfig {

    /** The county's time zone: what "today" is when a report has no asOf. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * A poor village counts as exited (出列) once the poverty incidence among its rural population
     * is below this share; 3% is the national threshold for the central and western provinces.
     */
    @WithDefault("0.03")
    BigDecimal villageExitIncidence();
}
