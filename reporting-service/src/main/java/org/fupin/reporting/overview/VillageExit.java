package org.fupin.reporting.overview;

import java.math.BigDecimal;

/**
 * When a poor village counts as exited (貧困村出列): its poverty incidence, poor people over rural
 * population, is below the threshold (3% in the central and western provinces). A village without
 * a known rural population cannot be judged and does not count as exited.
 */
public final class VillageExit {

    private VillageExit() {
    }

    public static boolean hasExited(long poorPeople, Integer ruralPopulation, BigDecimal threshold) {
        if (ruralPopulation == null || ruralPopulation <= 0) {
            return false;
        }
        return BigDecimal.valueOf(poorPeople).compareTo(threshold.multiply(BigDecimal.valueOf(ruralPopulation))) < 0;
    }
}
