package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code village-exit.decided}: the county approved and announced a village's exit (出列) on decidedOn, or rejected it. */
public record VillageExitDecided(
        UUID villageExitId,
        String villageCode,
        String outcome,
        LocalDate decidedOn) {
}
