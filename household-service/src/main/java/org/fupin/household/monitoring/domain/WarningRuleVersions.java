package org.fupin.household.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * What a new version of a warning rule must give: the figures its condition compares, and nothing else; and a
 * day from today on, after the county's latest version of the rule. A version in the past would change what
 * signals already received should have fired, which history must not.
 */
public final class WarningRuleVersions {

    private WarningRuleVersions() {
    }

    public static void requireAddable(WarningCondition condition, BigDecimal threshold, BigDecimal incomeShare, BigDecimal lineFactor,
            SignalKind signalKind, LocalDate effectiveFrom, LocalDate today, List<WarningRule> countysVersions) {
        List<Violation> violations = new ArrayList<>();
        boolean needsThreshold = condition == WarningCondition.MEDICAL_COST || condition == WarningCondition.DISASTER_LOSS;
        figure(violations, "threshold", threshold, needsThreshold, condition);
        figure(violations, "incomeShare", incomeShare, condition == WarningCondition.MEDICAL_COST ? null : false, condition);
        figure(violations, "lineFactor", lineFactor, condition == WarningCondition.INCOME_BELOW_LINE, condition);
        figure(violations, "signalKind", signalKind, condition == WarningCondition.SIGNAL_KIND, condition);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
        if (effectiveFrom.isBefore(today)) {
            throw Refusal.unprocessable("effective-date-in-past", "A rule version takes effect from today or later: signals already "
                    + "received keep the rules they were judged by.", List.of(new Violation("effectiveFrom", "effective-date-in-past",
                            "On or after " + today + ".", Map.of("min", today))));
        }
        countysVersions.stream().map(WarningRule::effectiveFrom).filter(d -> !d.isBefore(effectiveFrom)).findFirst().ifPresent(later -> {
            throw Refusal.conflict("rule-version-out-of-order", "The county's version of this rule in force from " + later
                    + " is not before this one; a new version takes effect after the latest.");
        });
    }

    /** required: true must be given, false must not, null may be. */
    private static void figure(List<Violation> violations, String field, Object value, Boolean required, WarningCondition condition) {
        if (Boolean.TRUE.equals(required) && value == null) {
            violations.add(new Violation(field, "required", condition + " needs " + field + "."));
        }
        if (Boolean.FALSE.equals(required) && value != null) {
            violations.add(new Violation(field, "not-applicable", condition + " has no " + field + "."));
        }
    }
}
