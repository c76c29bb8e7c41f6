package org.fupin.platform.security;

import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;

/**
 * The {@code region} filter of a list or report, within the caller's scope: absent is the caller's
 * own region, a broader one is narrowed to it, and one outside it answers 404 exactly like a region
 * that does not exist, so that a list never tells a caller anything about another region.
 */
public final class RegionFilter {

    private RegionFilter() {
    }

    public static String within(RegionScope scope, String requested) {
        String narrowed = scope.narrow(requested);
        if (narrowed == null) {
            throw ProblemException.notFound(requested == null ? "Region" : "Region " + requested);
        }
        return narrowed;
    }
}
