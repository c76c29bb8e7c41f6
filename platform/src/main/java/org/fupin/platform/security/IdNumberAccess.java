package org.fupin.platform.security;

/**
 * Who sees ID numbers in full: county admins everywhere, township officers and village cadres in
 * their own region; everyone else sees them masked. A value, so that it can be used after the
 * request scope, e.g. while a CSV export streams.
 */
public record IdNumberAccess(boolean everywhere, boolean inScope, RegionScope scope) {

    public boolean shows(String regionCode) {
        return everywhere || (inScope && scope.covers(regionCode));
    }
}
