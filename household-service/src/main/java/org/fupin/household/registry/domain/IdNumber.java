package org.fupin.household.registry.domain;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.fupin.kernel.Masks;

/**
 * A resident identity card number (公民身份號碼, GB 11643-1999): six digits of the region of
 * registration, eight of the birth date, three of a serial whose parity gives the gender, and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public record IdNumber(String value, LocalDate birthDate, Gender gender) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

    /** Why a string is not a valid ID number; the names are the API's error codes. */
    public enum Defect {
        FORMAT("id-number-format"),
        CHECK_DIGIT("id-number-check-digit"),
        BIRTH_DATE("id-number-birth-date");

        private final String code;

        Defect(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The outcome of parsing: an ID number, or the first defect found. */
    public record Parsed(IdNumber idNumber, Defect defect) {
        public boolean valid() {
            return idNumber != null;
        }
    }

    /**
     * Parses an ID number as of {@code today}: a birth date after today is a defect. A lower-case
     * x is accepted and stored upper-case, as printed on the card.
     */
    public static Parsed parse(String raw, LocalDate today) {
        if (raw == null || raw.length() != 18) {
            return new Parsed(null, Defect.FORMAT);
        }
        String value = raw.toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return new Parsed(null, Defect.FORMAT);
            }
        }
        char last = value.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return new Parsed(null, Defect.FORMAT);
        }
        if (checkCharacter(value) != last) {
            return new Parsed(null, Defect.CHECK_DIGIT);
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return new Parsed(null, Defect.BIRTH_DATE);
        }
        if (birthDate.isAfter(today) || birthDate.getYear() < 1880) {
            return new Parsed(null, Defect.BIRTH_DATE);
        }
        Gender gender = (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new Parsed(new IdNumber(value, birthDate, gender), null);
    }

    /** The check character for the first 17 digits of {@code value}. */
    public static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** The form shown to roles that may not see ID numbers: region and check part only. */
    public static String mask(String value) {
        return Masks.idNumber(value);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
