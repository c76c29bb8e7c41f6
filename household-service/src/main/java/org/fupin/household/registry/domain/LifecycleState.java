package org.fupin.household.registry.domain;

import java.time.LocalDate;

/**
 * Where a household stands in its lifecycle: its status and since when, the public notice under
 * way (公示, until {@code noticeEndsOn}), the risk watched while MONITORED, and whether it ever exited.
 */
public record LifecycleState(HouseholdStatus status, LocalDate since, LocalDate noticeEndsOn, RiskType riskType,
        boolean everExited) {

    /** A newly registered household: POOR, or MONITORED as a marginal household (邊緣戶), from the day it is registered. */
    public static LifecycleState registered(InitialStatus initialStatus, LocalDate on) {
        return initialStatus == InitialStatus.MONITORED
                ? new LifecycleState(HouseholdStatus.MONITORED, on, null, RiskType.MARGINAL, false)
                : new LifecycleState(HouseholdStatus.POOR, on, null, null, false);
    }
}
