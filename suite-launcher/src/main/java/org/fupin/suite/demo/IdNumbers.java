package org.fupin.suite.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Resident ID numbers (公民身份號碼) as GB 11643 defines them: area, birth date, sequence, MOD 11-2 check character. */
public final class IdNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private IdNumbers() {
    }

    /** The 18 characters for a person born in the area on the date; an odd sequence is a man, an even one a woman. */
    public static String of(String areaCode, LocalDate birthDate, int sequence) {
        if (areaCode.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("area " + areaCode + ", sequence " + sequence);
        }
        String body = areaCode + birthDate.format(BASIC) + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static boolean valid(String idNumber) {
        if (idNumber == null || !idNumber.matches("\\d{17}[\\dX]")) {
            return false;
        }
        try {
            LocalDate.parse(idNumber.substring(6, 14), BASIC);
        } catch (RuntimeException e) {
            return false;
        }
        return checkCharacter(idNumber) == idNumber.charAt(17);
    }
}
