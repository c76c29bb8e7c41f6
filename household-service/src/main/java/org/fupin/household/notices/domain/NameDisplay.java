package org.fupin.household.notices.domain;

import org.fupin.kernel.Masks;

/**
 * How a notice list shows the head of household's name, as the county decides: in full (the board's
 * traditional form, so that neighbours know whom they may object to), masked, or not at all.
 */
public enum NameDisplay {
    /** 張三豐 as 張三豐. */
    FULL,
    /** The surname and the last character: 張三豐 as 張*豐, 張三 as 張*. */
    MASKED,
    /** No name: the household number alone identifies the household. */
    NONE;

    /** The stricter of the county's choice and what the reader may see of names. */
    public NameDisplay atMost(NameDisplay allowed) {
        return ordinal() >= allowed.ordinal() ? this : allowed;
    }

    public String show(String name) {
        if (name == null) {
            return null;
        }
        return switch (this) {
            case FULL -> name;
            case NONE -> null;
            case MASKED -> Masks.name(name);
        };
    }
}
