package org.fupin.household.registry.domain;

/** Why a member leaves a household. */
public enum MemberRemovalReason {
    DECEASED, MARRIED_OUT, MOVED_OUT, OTHER
}
