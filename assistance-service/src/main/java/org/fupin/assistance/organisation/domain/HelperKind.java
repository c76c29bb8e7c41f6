package org.fupin.assistance.organisation.domain;

/** Who a helper (幫扶責任人) is. */
public enum HelperKind {
    COUNTY_LEADER, CADRE, TEACHER, DOCTOR, ENTERPRISE_STAFF, VOLUNTEER
}
