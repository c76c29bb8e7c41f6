package org.fupin.events;

/** The Kafka topics the events are published on; the record key is the aggregate id. */
public final class Topics {

    /** Regions and households, published by household-service. */
    public static final String HOUSEHOLD_EVENTS = "household.events";

    /** Helpers, units, groups, work teams, war zones, pairings, measures and visits, from assistance-service. */
    public static final String ASSISTANCE_EVENTS = "assistance.events";

    /**
     * Signals that other departments' systems stream in for the monitoring (防止返貧動態監測): plain JSON records of
     * the schema {@code monitoring-signal.v1.json}, keyed by the sender's signal id; consumed by household-service,
     * malformed ones go to {@code monitoring.signals.dlq}.
     */
    public static final String MONITORING_SIGNALS = "monitoring.signals";

    private Topics() {
    }
}
