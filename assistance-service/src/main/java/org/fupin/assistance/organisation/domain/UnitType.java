package org.fupin.assistance.organisation.domain;

/** What kind of organisation a unit (幫扶單位) is. */
public enum UnitType {
    DEPARTMENT, TOWNSHIP_GOVERNMENT, ENTERPRISE, SCHOOL, HOSPITAL, SOCIAL_ORGANIZATION
}
