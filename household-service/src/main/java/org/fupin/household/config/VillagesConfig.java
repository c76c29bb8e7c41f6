package org.fupin.household.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Poor-village exit (貧困村出列): the poverty incidence a village's must be under to be proposed. */
@ConfigMapping(prefix = "fupin.villages")
public interface VillagesConfig {

    /** Poor people over rural population, as a fraction: 0.03 (3%) in the central and western provinces. */
    @WithDefault("0.03")
    BigDecimal exitIncidence();
}
