package org.fupin.archfixture.one;

import org.fupin.archfixture.two.Second;

/** Breaks the rule: service "one" uses a class of service "two". */
public class First {
    public String name() {
        return new Second().name();
    }
}
