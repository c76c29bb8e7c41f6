package org.fupin.household.monitoring.domain;

/** What the helper's visit found. */
public enum VerificationOutcome {
    RISK_CONFIRMED, DISMISSED
}
