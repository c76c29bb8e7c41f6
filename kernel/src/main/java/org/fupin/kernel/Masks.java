package org.fupin.kernel;

import java.time.LocalDate;

/**
 * The masked forms of personal fields. Each keeps what a reader needs to tell records apart on a
 * page (a surname, a region prefix, the last digits) and removes what identifies a person to a
 * stranger. The forms are the ones Chinese government notices use.
 */
public final class Masks {

    private Masks() {
    }

    /** 張三豐 as 張*豐, 張三 as 張*: the surname and the last character. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
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

    /** 500235199001011234 as 500235********1234: the region of issue and the last four characters. */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() < 10) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    /** 13812345678 as 138****5678; a short (landline) number keeps its last four digits only. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() < 8) {
            return "*".repeat(Math.max(0, digits.length() - 4)) + digits.substring(Math.max(0, digits.length() - 4));
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** The first four characters (usually the township), then ****: the house is not findable. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        int[] chars = address.strip().codePoints().toArray();
        int kept = Math.min(4, chars.length / 2);
        return new String(chars, 0, kept) + "****";
    }

    /** A birth date masked is its year alone. */
    public static Integer birthYear(LocalDate birthDate) {
        return birthDate == null ? null : birthDate.getYear();
    }
}
