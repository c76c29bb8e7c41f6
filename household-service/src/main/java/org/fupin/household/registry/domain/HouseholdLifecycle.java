package org.fupin.household.registry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * The state machine of a household: which action leads from which status to which, and what each
 * action needs and changes besides the status.
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
 *
 * <p>A county's approval of a case ({@link #decide}) is the other way a status changes: IDENTIFY
 * (NOT_POOR or marginal MONITORED → POOR), CONFIRM_EXIT (POOR, RETURNED → EXITED), RETURN_TO_POVERTY and
 * REMOVE, effective on the announcement's date.
 */
public final class HouseholdLifecycle {

    /**
     * What a transition is judged against besides the household: the county's today, the length of
     * the public notice, the poverty lines, and the household's latest assessment on or before a date.
     */
    public record Context(LocalDate today, int noticeDays, PovertyLines povertyLines,
            Function<LocalDate, Optional<Assessment>> latestAssessmentOn) {
    }

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
            // Only a county's decision identifies a household (decide below).
            case IDENTIFY -> null;
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
     * The household's state after the action, or a refusal: the request's own rules first (what the
     * action needs), then the dates, the lifecycle, and the action's rule (exit criteria, the end of
     * the public notice).
     */
    public static LifecycleState apply(LifecycleState current, TransitionCommand command, Context context) {
        requireActionDetails(command);
        LocalDate effectiveDate = command.effectiveDate();
        if (effectiveDate.isAfter(context.today())) {
            throw Refusal.invalid("effectiveDate", "effective-date-in-future", "A transition cannot take effect in the future.");
        }
        if (effectiveDate.isBefore(current.since())) {
            throw Refusal.unprocessable("effective-date-out-of-order",
                    "The current status took effect on " + current.since() + "; a later change cannot take effect before it.",
                    List.of(new Violation("effectiveDate", "effective-date-out-of-order", "On or after " + current.since() + ".",
                            Map.of("min", current.since()))));
        }
        HouseholdStatus to = next(current.status(), command.action(), current.everExited())
                .orElseThrow(() -> Refusal.conflict("illegal-transition",
                        command.action() + " is not possible from status " + current.status() + "."));
        LocalDate noticeEndsOn = current.noticeEndsOn();
        RiskType riskType = current.riskType();
        boolean everExited = current.everExited();
        switch (command.action()) {
            case PROPOSE_EXIT -> {
                ExitCriteria.requireMet(context.latestAssessmentOn().apply(effectiveDate), effectiveDate, context.povertyLines());
                noticeEndsOn = effectiveDate.plusDays(context.noticeDays());
            }
            case CONFIRM_EXIT -> {
                if (effectiveDate.isBefore(noticeEndsOn)) {
                    throw Refusal.unprocessable("notice-period-not-over",
                            "The public notice (公示) ends on " + noticeEndsOn + "; the exit can be confirmed from then.");
                }
                noticeEndsOn = null;
                everExited = true;
            }
            case OBJECT, REMOVE -> noticeEndsOn = null;
            case FLAG_RISK -> riskType = command.riskType();
            case CLEAR_RISK, RETURN_TO_POVERTY -> riskType = null;
        }
        return new LifecycleState(to, effectiveDate, noticeEndsOn, riskType, everExited);
    }

    /** Rules of the request itself: what each action needs besides the date. */
    private static void requireActionDetails(TransitionCommand command) {
        Action action = command.action();
        boolean hasReason = command.reason() != null && !command.reason().isBlank();
        if (action == Action.FLAG_RISK && command.riskType() == null) {
            throw Refusal.invalid("riskType", "required", "FLAG_RISK needs a riskType: UNSTABLE_EXIT, MARGINAL or SUDDEN_HARDSHIP.");
        }
        if (action != Action.FLAG_RISK && command.riskType() != null) {
            throw Refusal.invalid("riskType", "not-applicable", "Only FLAG_RISK takes a riskType.");
        }
        if ((action == Action.OBJECT || action == Action.RETURN_TO_POVERTY || action == Action.REMOVE) && !hasReason) {
            throw Refusal.invalid("reason", "required", action + " needs a reason.");
        }
        if (action == Action.REMOVE && !isRemovalReason(command.reason())) {
            throw Refusal.invalid("reason", "invalid-removal-reason", "A removal reason is MISIDENTIFIED, ALL_DECEASED, MERGED or MOVED_OUT.");
        }
    }

    private static boolean isRemovalReason(String reason) {
        for (RemovalReason known : RemovalReason.values()) {
            if (known.name().equals(reason)) {
                return true;
            }
        }
        return false;
    }
}
