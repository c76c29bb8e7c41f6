package org.fupin.household.registry.domain;

import java.util.Optional;

/**
 * The state machine of a household: which action leads from which status to which.
 *
 * <pre>
 * POOR, RETURNED ──PROPOSE_EXIT──► EXIT_PENDING ──CONFIRM_EXIT──► EXITED
 * EXIT_PENDING ──OBJECT──► POOR
 * EXITED ──FLAG_RISK──► MONITORED ──CLEAR_RISK──► EXITED (exited before) or NOT_POOR (never poor)
 * MONITORED, EXITED ──RETURN_TO_POVERTY──► RETURNED
 * any but REMOVED ──REMOVE──► REMOVED
 * </pre>
 *
 * A household registered as MONITORED is a marginal household that was never poor, which is why
 * clearing its risk leads to NOT_POOR. Everything else is an illegal transition.
 */
public final class HouseholdLifecycle {

    private HouseholdLifecycle() {
    }

    public static Optional<HouseholdStatus> next(HouseholdStatus from, Action action, boolean everExited) {
        HouseholdStatus to = switch (action) {
            case PROPOSE_EXIT -> from == HouseholdStatus.POOR || from == HouseholdStatus.RETURNED ? HouseholdStatus.EXIT_PENDING : null;
            case OBJECT -> from == HouseholdStatus.EXIT_PENDING ? HouseholdStatus.POOR : null;
            case CONFIRM_EXIT -> from == HouseholdStatus.EXIT_PENDING ? HouseholdStatus.EXITED : null;
            case FLAG_RISK -> from == HouseholdStatus.EXITED ? HouseholdStatus.MONITORED : null;
            case CLEAR_RISK -> from == HouseholdStatus.MONITORED ? (everExited ? HouseholdStatus.EXITED : HouseholdStatus.NOT_POOR) : null;
            case RETURN_TO_POVERTY -> from == HouseholdStatus.MONITORED || from == HouseholdStatus.EXITED ? HouseholdStatus.RETURNED : null;
            case REMOVE -> from != HouseholdStatus.REMOVED ? HouseholdStatus.REMOVED : null;
        };
        return Optional.ofNullable(to);
    }
}
