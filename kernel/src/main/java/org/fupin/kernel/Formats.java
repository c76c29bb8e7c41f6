package org.fupin.kernel;

/**
 * The textual formats the OpenAPI documents declare as patterns, one place for both services. They
 * say what a field looks like; what only a rule can check (an ID number's check digit, a birth
 * date not in the future) stays with the rules and is refused with its own code.
 */
public final class Formats {

    /** A resident ID number (身份證號): 17 digits and a check character, a lower-case x taken as X. */
    public static final String ID_NUMBER = "^[0-9]{17}[0-9Xx]$";

    /** A mainland mobile number (11 digits from 13 to 19) or a landline with its area code; empty for none. */
    public static final String PHONE = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})?$";

    private Formats() {
    }
}
