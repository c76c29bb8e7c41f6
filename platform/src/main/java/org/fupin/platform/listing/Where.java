package org.fupin.platform.listing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.panache.common.Parameters;

/**
 * The where clause of a list query, built from the filters that are set: a filter left null does
 * not narrow. Starts from the keyset condition on the creation sequence.
 */
public final class Where {

    private final StringBuilder clause;
    private final Map<String, Object> parameters = new HashMap<>();

    private Where(String alias, long afterSeq) {
        clause = new StringBuilder(alias).append("seq > :after");
        parameters.put("after", afterSeq);
    }

    /** A JPQL where clause over an entity without alias. */
    public static Where after(long afterSeq) {
        return new Where("", afterSeq);
    }

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is set. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            clause.append(" and ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Binds one more parameter of a condition added before, for conditions that name several. */
    public Where with(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Adds a condition that takes no parameter, when {@code applies}. */
    public Where andIf(boolean applies, String condition) {
        if (applies) {
            clause.append(" and ").append(condition);
        }
        return this;
    }

    public String clause() {
        return clause.toString();
    }

    public Parameters parameters() {
        Parameters result = new Parameters();
        parameters.forEach(result::and);
        return result;
    }
}
