package org.fupin.security;

import java.util.function.Function;

import org.fupin.kernel.Refusal;

/**
 * The part of the region hierarchy a caller may see. Region codes nest by prefix (county 6 digits,
 * township 9, village 12), so scope is a prefix test. A caller's scope always names a region (the
 * token rules refuse tokens without one); {@link #all()} is for the services' own work, such as an
 * import worker or a replica consumer acting for no caller, and {@link #none()} for a caller whose
 * token names no region (the operator), who may see no record.
 */
public final class RegionScope {

    private static final RegionScope ALL = new RegionScope("");
    private static final RegionScope NONE = new RegionScope(null);

    /** The region's code, "" for everything, null for nothing. */
    private final String prefix;

    private RegionScope(String prefix) {
        this.prefix = prefix;
    }

    /** The region with this code and everything below it. */
    public static RegionScope of(String regionCode) {
        if (regionCode == null || regionCode.isEmpty()) {
            throw new IllegalArgumentException("A caller's scope names a region; use all() or none() explicitly");
        }
        return new RegionScope(regionCode);
    }

    public static RegionScope all() {
        return ALL;
    }

    public static RegionScope none() {
        return NONE;
    }

    /** The code of the region, "" when unrestricted. Only for a scope that covers something. */
    public String prefix() {
        if (prefix == null) {
            throw new IllegalStateException("An empty scope has no region");
        }
        return prefix;
    }

    public boolean unrestricted() {
        return "".equals(prefix);
    }

    public boolean empty() {
        return prefix == null;
    }

    /** The region lies within the scope: the scope's own region or one below it. */
    public boolean covers(String regionCode) {
        return prefix != null && regionCode != null && regionCode.startsWith(prefix);
    }

    /**
     * The region lies within the scope or above it, on the caller's own line of the hierarchy: a
     * village cadre's scope reaches up to the township and county whose organisations (departments,
     * their staff, groups) help the village, but never sideways into another township or county.
     */
    public boolean withinOrAbove(String regionCode) {
        return covers(regionCode) || (prefix != null && regionCode != null && !regionCode.isEmpty()
                && prefix.startsWith(regionCode));
    }

    /**
     * The record, when it exists and lies within the scope; otherwise a refusal of kind NOT_FOUND,
     * the same answer for a record of another region as for one that does not exist.
     */
    public <T> T require(T record, Function<T, String> regionOf, String what) {
        if (record == null || !covers(regionOf.apply(record))) {
            throw Refusal.notFound(what);
        }
        return record;
    }

    /** As {@link #require}, for records read from below as well ({@link #withinOrAbove}). */
    public <T> T requireWithinOrAbove(T record, Function<T, String> regionOf, String what) {
        if (record == null || !withinOrAbove(regionOf.apply(record))) {
            throw Refusal.notFound(what);
        }
        return record;
    }

    /**
     * Narrows a requested region to what the caller may see: the requested one if it lies inside
     * the scope, the scope itself if the request is broader, and null if they are disjoint.
     */
    public String narrow(String requested) {
        if (prefix == null) {
            return null;
        }
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

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionScope scope && java.util.Objects.equals(prefix, scope.prefix);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(prefix);
    }

    @Override
    public String toString() {
        return prefix == null ? "RegionScope[none]" : "RegionScope[" + prefix + "]";
    }
}
