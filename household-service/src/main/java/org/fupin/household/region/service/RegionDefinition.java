package org.fupin.household.region.service;

import org.fupin.household.region.domain.RegionLevel;

/** What an administrator states about a region when defining it. */
public record RegionDefinition(
        String name,
        RegionLevel level,
        String parentCode,
        int ruralPopulation,
        boolean poorVillage,
        boolean deepPoverty) {
}
