package org.fupin.assistance.ledger.domain;

/** Where a measure stands; a measure only moves forward, in this order. */
public enum MeasureStatus {
    PLANNED, IN_PROGRESS, COMPLETED
}
