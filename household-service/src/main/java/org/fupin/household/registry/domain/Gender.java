package org.fupin.household.registry.domain;

/** Gender, derived from the ID number's seventeenth digit. */
public enum Gender {
    MALE, FEMALE
}
