package org.fupin.household.registry.domain;

/** The status a household is registered with: poor, or monitored as a marginal household (邊緣戶). */
public enum InitialStatus {
    POOR, MONITORED
}
