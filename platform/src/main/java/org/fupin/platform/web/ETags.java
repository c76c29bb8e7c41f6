package org.fupin.platform.web;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.fupin.kernel.ExpectedVersion;
import org.fupin.problem.ProblemException;

/**
 * Strong ETags from a record's version, and the If-Match rule of the contract read into the
 * version a change expects: a change needs the current ETag (missing → 428 here; stale → 412 when
 * the domain compares it with the record).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The versions an If-Match names; 428 without one. */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return ExpectedVersion.any();
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                try {
                    versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
                } catch (NumberFormatException e) {
                    // Not a tag this service issued: it matches no version, which the domain answers as stale.
                }
            }
        }
        return ExpectedVersion.oneOf(versions);
    }

    /** Where the contract makes If-Match optional: absent means any version. */
    public static ExpectedVersion expectedIfGiven(String ifMatch) {
        return given(ifMatch).orElse(ExpectedVersion.any());
    }

    /** Where only the service knows whether the change needs a version (a PUT that creates or redefines). */
    public static Optional<ExpectedVersion> given(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? Optional.empty() : Optional.of(expected(ifMatch));
    }
}
