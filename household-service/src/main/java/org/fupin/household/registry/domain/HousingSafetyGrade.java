package org.fupin.household.registry.domain;

/** Housing safety appraisal (住房安全等級): A and B are safe, C and D are dangerous housing (危房). */
public enum HousingSafetyGrade {
    A, B, C, D;

    public boolean safe() {
        return this == A || this == B;
    }
}
