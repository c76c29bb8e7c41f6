package org.fupin.household.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
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
        };
        return Optional.ofNullable(to);
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
                requireExitCriteria(context.latestAssessmentOn().apply(effectiveDate), effectiveDate, context.povertyLines());
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

    private static void requireExitCriteria(Optional<Assessment> latest, LocalDate effectiveDate, PovertyLines lines) {
        List<ExitCriteria.Shortfall> shortfalls = ExitCriteria.check(latest, effectiveDate, lines);
        if (!shortfalls.isEmpty()) {
            List<Violation> violations = new ArrayList<>();
            for (ExitCriteria.Shortfall shortfall : shortfalls) {
                violations.add(new Violation(shortfall.dimension() == null ? "assessment" : shortfall.dimension().name(),
                        shortfall.code(), shortfall.message()));
            }
            throw Refusal.unprocessable("exit-criteria-not-met", "The household does not meet the exit criteria on "
                    + effectiveDate + ": " + String.join(", ", violations.stream().map(Violation::field).toList()) + ".",
                    violations);
        }
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
