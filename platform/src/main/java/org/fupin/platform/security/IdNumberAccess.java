package org.fupin.platform.security;

import org.fupin.security.RegionScope;

/**
 * Who sees ID numbers in full: county admins, township officers and village cadres, in their own
 * region; everyone else sees them masked. A value, so that it can be used after the request scope,
 * e.g. while a CSV export streams.
 */
public record IdNumberAccess(boolean privileged, RegionScope scope) {

    public boolean shows(String regionCode) {
        return privileged && scope.covers(regionCode);
    }
}
