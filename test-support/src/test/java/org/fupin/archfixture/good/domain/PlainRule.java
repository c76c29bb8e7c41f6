package org.fupin.archfixture.good.domain;

import java.time.LocalDate;

/** Keeps the rule: plain Java. */
public class PlainRule {
    public static void check(LocalDate day) {
        if (day.getYear() < 2014) {
            throw new IllegalArgumentException("Registration began in 2014.");
        }
    }
}
