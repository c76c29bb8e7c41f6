package org.fupin.household.monitoring.domain;

/** A rule version that fired, and the figures it compared, for the alert's record. */
public record Warning(WarningRule rule, String reason) {
}
