package org.fupin.platform.web;

import org.fupin.problem.ProblemException;

/**
 * Strong ETags from a record's version, and the If-Match rule of the contract: a change needs the
 * current ETag (missing → 428, stale → 412), so that two officers cannot overwrite each other.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current) || tag.equals("W/" + current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed();
    }
}
