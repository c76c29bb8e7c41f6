package org.fupin.household.notices.domain;

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

    public String show(String name) {
        if (name == null) {
            return null;
        }
        return switch (this) {
            case FULL -> name;
            case NONE -> null;
            case MASKED -> masked(name);
        };
    }

    private static String masked(String name) {
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length <= 1) {
            return name.strip();
        }
        StringBuilder shown = new StringBuilder().appendCodePoint(chars[0]);
        shown.append("*".repeat(chars.length == 2 ? 1 : chars.length - 2));
        if (chars.length > 2) {
            shown.appendCodePoint(chars[chars.length - 1]);
        }
        return shown.toString();
    }
}
