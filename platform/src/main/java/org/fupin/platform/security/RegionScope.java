package org.fupin.platform.security;

/**
 * The part of the region hierarchy a caller may see. Region codes nest by prefix (county 6 digits,
 * township 9, village 12), so scope is a prefix test; the empty scope covers everything.
 */
public record RegionScope(String prefix) {

    public static RegionScope of(String prefix) {
        return new RegionScope(prefix == null ? "" : prefix);
    }

    public static RegionScope all() {
        return new RegionScope("");
    }

    public boolean unrestricted() {
        return prefix.isEmpty();
    }

    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix);
    }

    /**
     * Narrows a requested region to what the caller may see: the requested one if it lies inside
     * the scope, the scope itself if the request is broader, and null if they are disjoint.
     */
    public String narrow(String requested) {
        if (requested == null || requested.isEmpty()) {
            return prefix;
        }
        if (requested.startsWith(prefix)) {
            return requested;
        }
        if (prefix.startsWith(requested)) {
            return prefix;
        }
        return null;
    }
}
