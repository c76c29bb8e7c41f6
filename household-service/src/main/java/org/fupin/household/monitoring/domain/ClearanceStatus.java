package org.fupin.household.monitoring.domain;

/** Where a risk clearance (風險消除) stands. */
public enum ClearanceStatus {
    PROPOSED, APPROVED, REJECTED
}
