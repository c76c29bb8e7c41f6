package org.fupin.household.registry.domain;

/** Why a member leaves a household. */
public enum MemberRemovalReason {
    DECEASED, MARRIED_OUT, MOVED_OUT, OTHER,
    /** The record was one person registered twice, retired by a duplicate review's merge; never asked for directly. */
    DUPLICATE
}
