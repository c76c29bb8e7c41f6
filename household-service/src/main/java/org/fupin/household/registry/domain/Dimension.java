package org.fupin.household.registry.domain;

/** What an assessment looks at: the two assurances and three guarantees (兩不愁三保障), drinking water, and income. */
public enum Dimension {
    FOOD, CLOTHING, COMPULSORY_EDUCATION, BASIC_MEDICAL, HOUSING, DRINKING_WATER, INCOME
}
