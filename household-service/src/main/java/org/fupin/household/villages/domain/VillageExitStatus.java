package org.fupin.household.villages.domain;

/** Where a village's exit (貧困村出列) stands: proposed by the township, then approved or rejected by the county. */
public enum VillageExitStatus {
    PROPOSED, APPROVED, REJECTED
}
