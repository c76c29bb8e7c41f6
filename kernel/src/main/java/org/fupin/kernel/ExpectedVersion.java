package org.fupin.kernel;

import java.util.Set;

/**
 * Optimistic concurrency as the domain sees it: a change states the versions of the record it was
 * made against (the REST edge reads them from If-Match), or any version; a record that moved on
 * since refuses the change (kind STALE), so that two officers cannot overwrite each other.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(true, Set.of());

    private final boolean anyVersion;
    private final Set<Long> versions;

    private ExpectedVersion(boolean anyVersion, Set<Long> versions) {
        this.anyVersion = anyVersion;
        this.versions = Set.copyOf(versions);
    }

    /** Whatever version the record has (If-Match: *, or no If-Match where the contract makes it optional). */
    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(false, Set.of(version));
    }

    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(false, versions);
    }

    /** For a change that found an existing record without being told which version it expected. */
    public static Refusal required() {
        return new Refusal(Refusal.Kind.VERSION_REQUIRED, "precondition-required",
                "This change needs an If-Match header with the resource's current ETag.");
    }

    @Override
    public String toString() {
        return anyVersion ? "ExpectedVersion[any]" : "ExpectedVersion" + versions;
    }

    /** @throws Refusal of kind STALE when the record is at none of the expected versions */
    public void check(long actual) {
        if (!anyVersion && !versions.contains(actual)) {
            throw new Refusal(Refusal.Kind.STALE, "precondition-failed",
                    "The resource changed since the ETag given in If-Match; read it again and retry.");
        }
    }
}
