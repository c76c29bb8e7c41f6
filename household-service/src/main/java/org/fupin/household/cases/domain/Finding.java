package org.fupin.household.cases.domain;

/** The township's finding on an objection. */
public enum Finding {
    /** The objection is right: the case stops. */
    UPHELD,
    /** The objection does not hold: the case goes on, its notice keeping its dates. */
    DISMISSED
}
