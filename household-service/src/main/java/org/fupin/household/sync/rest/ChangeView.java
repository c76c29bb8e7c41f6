package org.fupin.household.sync.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.rest.HouseholdView;

/** One household's latest change in the feed. */
@Schema(name = "HouseholdChange")
public record ChangeView(
        UUID householdId,
        @Schema(description = "CHANGED: the household as it is now is in household; LEFT: it moved out of the region (or out "
                + "of the caller's sight): remove it from the app.", enumeration = { "CHANGED", "LEFT" }) String change,
        @Schema(description = "The household's version now (its ETag): what a batch item names as baseVersion. 0 when left.")
        long version,
        @Schema(description = "With its members, masked as the caller may see them; null when LEFT.", nullable = true)
        HouseholdView household) {
}
