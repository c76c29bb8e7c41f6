package org.fupin.assistance.organisation.service;

import org.fupin.platform.listing.Where;
import org.fupin.security.RegionScope;

/**
 * Which units, groups and helpers a caller reaches. They belong to a region; a caller reads those
 * of their own region and below it, and those above it on their own line (a village cadre reads
 * the county departments that help the village), and changes only those of their region and below.
 * Another township's or county's records do not exist for the caller.
 */
final class OrganisationScope {

    /** JPQL over an entity with a {@code regionCode}: within the scope, or one of its ancestors. */
    private static final String READABLE = "(regionCode like :scopeBelow or :scope like concat(regionCode, '%'))";

    private OrganisationScope() {
    }

    static boolean readable(String regionCode, RegionScope scope) {
        return scope.withinOrAbove(regionCode);
    }

    static boolean writable(String regionCode, RegionScope scope) {
        return scope.covers(regionCode);
    }

    /** Restricts a list to the records the caller may read. */
    static Where readable(Where where, RegionScope scope) {
        if (scope.empty()) {
            return where.andIf(true, "1 = 0");
        }
        if (scope.unrestricted()) {
            return where;
        }
        return where.and(READABLE, "scopeBelow", scope.prefix() + "%").with("scope", scope.prefix());
    }
}
