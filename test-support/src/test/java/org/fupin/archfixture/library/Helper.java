package org.fupin.archfixture.library;

import org.fupin.archfixture.good.domain.PlainRule;

/** Breaks the rule: a library that knows a service's domain. */
public class Helper {
    public void help() {
        PlainRule.check(java.time.LocalDate.now());
    }
}
