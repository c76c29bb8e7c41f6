package org.fupin.household.duplicates.domain;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * When two member records may be one person. A name alone is not enough (a county has hundreds of 王建国), nor an ID
 * number near another: two valid ID numbers never differ in one character (the check character catches every
 * single mistyped digit and every swap of neighbours), but a clerk who mistypes a digit of the first 17 and
 * recomputes the check character makes a valid number, so the rules compare the first 17 digits. Among the 50
 * or so people a county has per birth date, one in 37 pairs has serials one digit apart: about a million pairs in
 * a county, so a near ID number counts only with the same name, in either script or in pinyin.
 */
public final class DuplicateRules {

    /** The first 17 characters: region, birth date, serial; the 18th is the check character. */
    private static final int BODY = 17;

    private DuplicateRules() {
    }

    /** The reasons two records may be one person; empty when they are not alike. */
    public static Set<DuplicateReason> between(Person a, Person b) {
        Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
        if (a.idNumber() != null && a.idNumber().equalsIgnoreCase(b.idNumber())) {
            // The same ID number is the same person for certain: the register refuses it (duplicate-id-number).
            return reasons;
        }
        boolean sameName = a.nameKey().equals(b.nameKey());
        boolean samePinyin = !a.pinyinKey().isEmpty() && a.pinyinKey().equals(b.pinyinKey());
        if (a.birthDate() != null && a.birthDate().equals(b.birthDate())) {
            if (sameName) {
                reasons.add(DuplicateReason.SAME_NAME_AND_BIRTH_DATE);
            } else if (samePinyin) {
                reasons.add(DuplicateReason.SAME_PINYIN_AND_BIRTH_DATE);
            }
        }
        if (sameName || samePinyin) {
            String x = body(a.idNumber());
            String y = body(b.idNumber());
            if (x != null && y != null) {
                int first = firstDifference(x, y);
                if (first >= 0 && x.substring(first + 1).equals(y.substring(first + 1))) {
                    reasons.add(DuplicateReason.ID_NUMBER_ONE_DIGIT_APART);
                } else if (first >= 0 && first + 1 < BODY && x.charAt(first) == y.charAt(first + 1)
                        && x.charAt(first + 1) == y.charAt(first) && x.substring(first + 2).equals(y.substring(first + 2))) {
                    reasons.add(DuplicateReason.ID_NUMBER_DIGITS_SWAPPED);
                }
            }
        }
        return reasons;
    }

    /**
     * Every ID number whose first 17 digits are one digit apart from, or a swap of neighbours of, those of
     * {@code idNumber}, each with every check character: what a lookup by ID number must ask for (187 bodies).
     */
    public static Set<String> nearIdNumbers(String idNumber) {
        String x = body(idNumber);
        Set<String> near = new LinkedHashSet<>();
        if (x == null) {
            return near;
        }
        for (int i = 0; i < BODY; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != x.charAt(i)) {
                    near.add(x.substring(0, i) + d + x.substring(i + 1));
                }
            }
            if (i + 1 < BODY && x.charAt(i) != x.charAt(i + 1)) {
                near.add(x.substring(0, i) + x.charAt(i + 1) + x.charAt(i) + x.substring(i + 2));
            }
        }
        return near;
    }

    private static String body(String idNumber) {
        if (idNumber == null || idNumber.length() < BODY) {
            return null;
        }
        return idNumber.substring(0, BODY).toUpperCase(Locale.ROOT);
    }

    private static int firstDifference(String x, String y) {
        for (int i = 0; i < BODY; i++) {
            if (x.charAt(i) != y.charAt(i)) {
                return i;
            }
        }
        return -1;
    }
}
