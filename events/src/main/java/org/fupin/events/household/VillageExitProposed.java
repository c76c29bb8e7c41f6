package org.fupin.events.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code village-exit.proposed}: a township proposed a poor village's exit (貧困村出列) with its incidence on the day. */
public record VillageExitProposed(
        UUID villageExitId,
        String villageCode,
        LocalDate proposedOn,
        long poorPeople,
        int ruralPopulation,
        BigDecimal incidence,
        BigDecimal threshold) {
}
