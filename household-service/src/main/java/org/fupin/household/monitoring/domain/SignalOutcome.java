package org.fupin.household.monitoring.domain;

/** What a signal led to. */
public enum SignalOutcome {
    /** No registered member or household matches: kept and reported, perhaps a marginal household to register. */
    UNKNOWN_PERSON,
    /** The household is in the poor register (already helped) or removed: monitoring is for those outside it. */
    NOT_MONITORED,
    /** No warning rule in force on the signal's date fired. */
    NO_WARNING,
    ALERT_OPENED,
    /** The household had an open alert: the signal and its warnings joined it. */
    ALERT_JOINED
}
