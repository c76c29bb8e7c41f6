package org.fupin.household.registry.domain;

/** Why a household leaves the register altogether. */
public enum RemovalReason {
    MISIDENTIFIED, ALL_DECEASED, MERGED, MOVED_OUT
}
