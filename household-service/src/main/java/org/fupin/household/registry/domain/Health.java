package org.fupin.household.registry.domain;

/** A member's health. */
public enum Health {
    HEALTHY, CHRONIC_ILLNESS, SERIOUS_ILLNESS
}
