package org.fupin.platform.privacy;

/** How one personal field reaches a caller: in full, masked (see {@link Masks}), or not at all. */
public enum Disclosure {
    OMITTED,
    MASKED,
    FULL;

    /** The more open of two, for a caller who holds two roles. */
    public Disclosure or(Disclosure other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The stricter of two. */
    public Disclosure and(Disclosure other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
