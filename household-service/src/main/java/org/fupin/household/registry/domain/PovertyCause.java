package org.fupin.household.registry.domain;

/** Causes of poverty (致貧原因). */
public enum PovertyCause {
    ILLNESS, DISABILITY, EDUCATION, DISASTER, LACK_OF_LAND, LACK_OF_WATER, LACK_OF_SKILLS, LACK_OF_LABOR, LACK_OF_FUNDS, POOR_TRANSPORT, LACK_OF_MOTIVATION
}
