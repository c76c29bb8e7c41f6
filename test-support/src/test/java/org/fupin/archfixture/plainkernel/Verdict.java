package org.fupin.archfixture.plainkernel;

import java.util.List;

/** Keeps the rule: the JDK alone. */
public record Verdict(String code, List<String> fields) {
}
