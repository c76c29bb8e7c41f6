package org.fupin.household.region.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.region.domain.RegionLevel;
import org.fupin.household.region.persistence.RegionEntity;

/** A region as the API shows it. */
@Schema(name = "Region")
public record RegionView(
        String code,
        String name,
        RegionLevel level,
        @Schema(nullable = true) String parentCode,
        int ruralPopulation,
        boolean poorVillage,
        boolean deepPoverty,
        Instant updatedAt) {

    static RegionView of(RegionEntity region) {
        return new RegionView(region.code, region.name, region.level, region.parentCode, region.ruralPopulation,
                region.poorVillage, region.deepPoverty, region.updatedAt);
    }
}
