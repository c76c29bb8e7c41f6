package org.fupin.household.monitoring.domain;

/** Where a monitoring alert stands. */
public enum AlertStatus {
    /** Waiting for the helper's verification visit (入戶核實). */
    OPEN,
    /** The visit confirmed the risk; waiting for the township's decision (four eyes). */
    RISK_CONFIRMED,
    /** The township approved: the household is monitored (監測對象). */
    CONFIRMED,
    /** The visit found no risk. */
    DISMISSED;

    public boolean isOpen() {
        return this == OPEN || this == RISK_CONFIRMED;
    }
}
