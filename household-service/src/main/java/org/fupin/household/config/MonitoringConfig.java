package org.fupin.household.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dynamic monitoring (防止返貧動態監測): time limits and the stability a clearance needs. */
@ConfigMapping(prefix = "fupin.monitoring")
public interface MonitoringConfig {

    /** Days from an alert's opening for the helper's verification visit. */
    @WithDefault("15")
    int verificationDays();

    /** Months a monitored household's income must have stayed above the warning line before its risk is cleared (風險消除). */
    @WithDefault("6")
    int stableMonths();
}
