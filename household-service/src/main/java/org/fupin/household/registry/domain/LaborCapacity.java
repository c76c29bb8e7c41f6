package org.fupin.household.registry.domain;

/** A member's capacity to work. */
public enum LaborCapacity {
    FULL, PARTIAL, NONE
}
