package org.fupin.events;

/** The Kafka topics the events are published on; the record key is the aggregate id. */
public final class Topics {

    /** Regions and households, published by household-service. */
    public static final String HOUSEHOLD_EVENTS = "household.events";

    /** Helpers, units, groups, work teams, war zones, pairings, measures and visits, from assistance-service. */
    public static final String ASSISTANCE_EVENTS = "assistance.events";

    private Topics() {
    }
}
