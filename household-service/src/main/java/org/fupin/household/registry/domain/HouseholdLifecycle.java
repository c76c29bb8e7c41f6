package org.fupin.household.registry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * The state machine of a household: which action leads from which status to which, and what each
 * action needs and changes besides the status.
 *
 * <pre>
 * monitoring, by a transition:
 *   EXITED, NOT_POOR ──FLAG_RISK──► MONITORED ──CLEAR_RISK──► EXITED (exited before) or NOT_POOR (never poor)
 * decisions, by the county's approval of a case ({@link #decide}), effective on the announcement's date:
 *   NOT_POOR, MONITORED (never exited) ──IDENTIFY──► POOR
 *   POOR, RETURNED, EXIT_PENDING ──CONFIRM_EXIT──► EXITED
 *   EXITED, MONITORED (exited before) ──RETURN_TO_POVERTY──► RETURNED
 *   any but REMOVED ──REMOVE──► REMOVED
 * </pre>
 *
 * A household registered as MONITORED is a marginal household that was never poor, which is why
 * clearing its risk leads to NOT_POOR. EXIT_PENDING is left from before cases: no action enters it now.
 * Everything else is an illegal transition.
 */
public final class HouseholdLifecycle {

    private HouseholdLifecycle() {
    }

    /** Where a monitoring action leads, or empty if the status does not allow it (or the action is a decision). */
    public static Optional<HouseholdStatus> next(HouseholdStatus from, Action action, boolean everExited) {
        HouseholdStatus to = switch (action) {
            // NOT_POOR: a marginal household (邊緣易致貧戶) or one in sudden hardship, never in the poor register.
            case FLAG_RISK -> from == HouseholdStatus.EXITED || from == HouseholdStatus.NOT_POOR ? HouseholdStatus.MONITORED : null;
            case CLEAR_RISK -> from == HouseholdStatus.MONITORED ? (everExited ? HouseholdStatus.EXITED : HouseholdStatus.NOT_POOR) : null;
            default -> null;
        };
        return Optional.ofNullable(to);
    }

    /**
     * Where a county's approval of a case leads, or empty if the household's status does not allow it.
     * The case carried the public notice, so an exit goes straight from POOR or RETURNED to EXITED.
     * IDENTIFY takes a household that is not poor and never was (NOT_POOR, or MONITORED as a marginal
     * household) to POOR.
     */
    public static Optional<HouseholdStatus> decided(HouseholdStatus from, Action decision, boolean everExited) {
        HouseholdStatus to = switch (decision) {
            case IDENTIFY -> from == HouseholdStatus.NOT_POOR || (from == HouseholdStatus.MONITORED && !everExited)
                    ? HouseholdStatus.POOR : null;
            case CONFIRM_EXIT -> from == HouseholdStatus.POOR || from == HouseholdStatus.RETURNED || from == HouseholdStatus.EXIT_PENDING
                    ? HouseholdStatus.EXITED : null;
            case RETURN_TO_POVERTY -> from == HouseholdStatus.MONITORED && everExited || from == HouseholdStatus.EXITED
                    ? HouseholdStatus.RETURNED : null;
            case REMOVE -> from != HouseholdStatus.REMOVED ? HouseholdStatus.REMOVED : null;
            default -> throw new IllegalArgumentException(decision + " is not decided by a case");
        };
        return Optional.ofNullable(to);
    }

    /**
     * The household's state after the county's approval of a case, effective on the announcement's
     * date; refused if its status no longer allows it (another decision came first) or the date is
     * before the current status took effect.
     */
    public static LifecycleState decide(LifecycleState current, Action decision, LocalDate effectiveDate) {
        if (effectiveDate.isBefore(current.since())) {
            throw Refusal.unprocessable("effective-date-out-of-order",
                    "The current status took effect on " + current.since() + "; a decision cannot take effect before it.",
                    List.of(new Violation("announcedOn", "effective-date-out-of-order", "On or after " + current.since() + ".",
                            Map.of("min", current.since()))));
        }
        HouseholdStatus to = decided(current.status(), decision, current.everExited())
                .orElseThrow(() -> Refusal.conflict("illegal-transition",
                        decision + " is not possible from status " + current.status() + "."));
        boolean everExited = current.everExited() || to == HouseholdStatus.EXITED;
        return new LifecycleState(to, effectiveDate, null, null, everExited);
    }

    /**
     * The household's state after a monitoring action, or a refusal: a decision belongs to a case
     * ({@code decided-by-case}), then the request's own rules, the dates and the lifecycle.
     */
    public static LifecycleState apply(LifecycleState current, TransitionCommand command, LocalDate today) {
        Action action = command.action();
        if (action.decidedByCase()) {
            throw Refusal.unprocessable("decided-by-case", action + " is decided by the county's approval of a " + action.caseKind()
                    + " case (兩公示一公告): POST /api/v1/cases with kind " + action.caseKind() + ", then its stages; the approval "
                    + "changes the status on the announcement's date.");
        }
        if (action == Action.FLAG_RISK && command.riskType() == null) {
            throw Refusal.invalid("riskType", "required", "FLAG_RISK needs a riskType: UNSTABLE_EXIT, MARGINAL or SUDDEN_HARDSHIP.");
        }
        if (action != Action.FLAG_RISK && command.riskType() != null) {
            throw Refusal.invalid("riskType", "not-applicable", "Only FLAG_RISK takes a riskType.");
        }
        LocalDate effectiveDate = command.effectiveDate();
        if (effectiveDate.isAfter(today)) {
            throw Refusal.invalid("effectiveDate", "effective-date-in-future", "A transition cannot take effect in the future.");
        }
        if (effectiveDate.isBefore(current.since())) {
            throw Refusal.unprocessable("effective-date-out-of-order",
                    "The current status took effect on " + current.since() + "; a later change cannot take effect before it.",
                    List.of(new Violation("effectiveDate", "effective-date-out-of-order", "On or after " + current.since() + ".",
                            Map.of("min", current.since()))));
        }
        HouseholdStatus to = next(current.status(), action, current.everExited())
                .orElseThrow(() -> Refusal.conflict("illegal-transition", action + " is not possible from status " + current.status() + "."));
        RiskType riskType = action == Action.FLAG_RISK ? command.riskType() : null;
        return new LifecycleState(to, effectiveDate, current.noticeEndsOn(), riskType, current.everExited());
    }
}
