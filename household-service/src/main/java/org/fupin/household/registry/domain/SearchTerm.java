package org.fupin.household.registry.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a household search text is, by its shape: an ID number, a household number, or a name. The privacy
 * policy lets a caller search by a personal field only if it sees that field in full, so the kind decides
 * whether a search may run at all.
 */
public enum SearchTerm {
    /** 18 characters, 17 digits and a check character: compared with members' ID numbers. */
    ID_NUMBER,
    /** 17 digits, the village code and a serial: not personal data. */
    HOUSEHOLD_NUMBER,
    /** Anything else: matched against members' names. */
    NAME;

    private static final Pattern ID = Pattern.compile("\\d{17}[\\dX]|\\d{15}");
    private static final Pattern HOUSEHOLD_NO = Pattern.compile("\\d{17}");

    public static SearchTerm of(String q) {
        String text = q.strip().toUpperCase(Locale.ROOT);
        if (HOUSEHOLD_NO.matcher(text).matches()) {
            return HOUSEHOLD_NUMBER;
        }
        return ID.matcher(text).matches() ? ID_NUMBER : NAME;
    }
}
