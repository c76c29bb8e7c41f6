package org.fupin.events.household;

/**
 * {@code region.upserted}: a county, township or village (行政區劃) was created or changed. The name is the
 * region's, never a person's.
 */
public record RegionUpserted(
        String code,
        String name,
        String level,
        String parentCode,
        Integer ruralPopulation,
        boolean poorVillage,
        boolean deepPoverty) {
}
