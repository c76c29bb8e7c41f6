package org.fupin.household.imports.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a household import, one row per member. Household-level columns repeat on every
 * row of the household; the header row names each column exactly once, in any order.
 */
public enum ImportColumn {
    HOUSEHOLD_REF("householdRef", true),
    VILLAGE_CODE("villageCode", true),
    ADDRESS("address", true),
    PHONE("phone", true),
    CATEGORY("category", true),
    CAUSES("causes", true),
    PRIMARY_CAUSE("primaryCause", true),
    IDENTIFIED_YEAR("identifiedYear", true),
    ANNUAL_INCOME_PER_CAPITA("annualIncomePerCapita", true),
    INITIAL_STATUS("initialStatus", true),
    REGISTERED_ON("registeredOn", true),
    NAME("name", false),
    ID_NUMBER("idNumber", false),
    RELATION("relation", false),
    HEALTH("health", false),
    DISABILITY_GRADE("disabilityGrade", false),
    SEVERE_MENTAL_ILLNESS("severeMentalIllness", false),
    EDUCATION("education", false),
    LABOR_CAPACITY("laborCapacity", false),
    MEDICAL_INSURANCE("medicalInsurance", false),
    MIGRANT_WORKER("migrantWorker", false);

    /** The number of columns a row has. */
    public static final int COUNT = values().length;

    private static final Map<String, ImportColumn> BY_HEADER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ImportColumn::header, Function.identity()));

    private final String header;
    private final boolean householdLevel;

    ImportColumn(String header, boolean householdLevel) {
        this.header = header;
        this.householdLevel = householdLevel;
    }

    /** The name in the header row, which is also the field name of the API. */
    public String header() {
        return header;
    }

    /** Whether the column describes the household, so that all rows of a household must agree on it. */
    public boolean householdLevel() {
        return householdLevel;
    }

    public static ImportColumn ofHeader(String header) {
        return BY_HEADER.get(header);
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(ImportColumn::header).toList();
    }
}
