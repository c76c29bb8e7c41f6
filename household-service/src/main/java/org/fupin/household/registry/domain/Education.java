package org.fupin.household.registry.domain;

/** A member's schooling. */
public enum Education {
    PRESCHOOL, IN_SCHOOL, DROPPED_OUT, GRADUATED, ILLITERATE
}
