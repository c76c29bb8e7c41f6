package org.fupin.household.monitoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fupin.household.registry.domain.PovertyLines;

/**
 * Which rule versions are in force on a day for a county, and which of them a signal fires. A county's own
 * versions of a rule replace the default versions from the first day one of them is in force; the rest of the
 * time the defaults apply. The newest version effective on or before the day is the one in force.
 */
public final class WarningRules {

    /** Where no INCOME_BELOW_LINE rule is in force the warning line is this multiple of the poverty line. */
    public static final BigDecimal DEFAULT_LINE_FACTOR = new BigDecimal("1.5");

    private WarningRules() {
    }

    /** The active versions in force on {@code day} for {@code countyCode}, one per rule code, in code order. */
    public static List<WarningRule> inForce(List<WarningRule> versions, String countyCode, LocalDate day) {
        Map<String, List<WarningRule>> byCode = versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(day))
                .collect(Collectors.groupingBy(WarningRule::code));
        List<WarningRule> inForce = new ArrayList<>();
        for (List<WarningRule> candidates : byCode.values()) {
            Optional<WarningRule> own = newest(candidates.stream().filter(v -> countyCode != null && countyCode.equals(v.countyCode())).toList());
            Optional<WarningRule> chosen = own.isPresent() ? own : newest(candidates.stream().filter(v -> v.countyCode() == null).toList());
            chosen.filter(WarningRule::active).ifPresent(inForce::add);
        }
        inForce.sort(Comparator.comparing(WarningRule::code));
        return inForce;
    }

    private static Optional<WarningRule> newest(List<WarningRule> versions) {
        return versions.stream().max(Comparator.comparing(WarningRule::effectiveFrom).thenComparing(WarningRule::version));
    }

    /** The warning line (監測收入線) on a day: the income-below-line rule's factor × the poverty line of the year. */
    public static Optional<BigDecimal> warningLine(List<WarningRule> inForce, PovertyLines lines, LocalDate day) {
        BigDecimal factor = inForce.stream().filter(r -> r.condition() == WarningCondition.INCOME_BELOW_LINE)
                .map(WarningRule::lineFactor).findFirst().orElse(DEFAULT_LINE_FACTOR);
        return lines.forYear(day.getYear()).map(line -> line.multiply(factor).setScale(2, RoundingMode.HALF_UP));
    }

    /** The rules that {@code facts} fire, each with the figures it compared. */
    public static List<Warning> fire(List<WarningRule> inForce, SignalFacts facts, PovertyLines lines) {
        Map<String, Warning> fired = new LinkedHashMap<>();
        for (WarningRule rule : inForce) {
            reason(rule, facts, lines).ifPresent(reason -> fired.put(rule.code(), new Warning(rule, reason)));
        }
        return List.copyOf(fired.values());
    }

    private static Optional<String> reason(WarningRule rule, SignalFacts facts, PovertyLines lines) {
        return switch (rule.condition()) {
            case INCOME_BELOW_LINE -> incomeBelowLine(rule, facts, lines);
            case MEDICAL_COST -> medicalCost(rule, facts);
            case DISASTER_LOSS -> facts.kind() == SignalKind.DISASTER_LOSS && over(facts.amount(), rule.threshold())
                    ? Optional.of("A disaster loss of " + plain(facts.amount()) + " yuan is over " + plain(rule.threshold()) + ".")
                    : Optional.empty();
            case LABOURER_LOST -> (facts.kind() == SignalKind.DEATH || facts.kind() == SignalKind.DISABILITY_CERTIFIED)
                    && facts.subjectIsOnlyLabourer()
                    ? Optional.of("The household's only member able to work: " + facts.kind() + ".")
                    : Optional.empty();
            case GUARANTEE_FAILING -> facts.kind() == SignalKind.ASSESSMENT && !facts.failingGuarantees().isEmpty()
                    ? Optional.of("Failing: " + String.join(", ", facts.failingGuarantees()) + ".")
                    : Optional.empty();
            case SIGNAL_KIND -> facts.kind() == rule.signalKind() ? Optional.of(facts.kind() + " reported.") : Optional.empty();
        };
    }

    private static Optional<String> incomeBelowLine(WarningRule rule, SignalFacts facts, PovertyLines lines) {
        if (facts.kind() != SignalKind.INCOME_DROP && facts.kind() != SignalKind.ASSESSMENT || facts.amount() == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> line = lines.forYear(facts.occurredOn().getYear());
        if (line.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal warningLine = line.get().multiply(rule.lineFactor()).setScale(2, RoundingMode.HALF_UP);
        return facts.amount().compareTo(warningLine) < 0
                ? Optional.of("Income per person " + plain(facts.amount()) + " is under the warning line " + plain(warningLine)
                        + " (" + plain(rule.lineFactor()) + " × " + plain(line.get()) + ").")
                : Optional.empty();
    }

    private static Optional<String> medicalCost(WarningRule rule, SignalFacts facts) {
        if (facts.kind() != SignalKind.MEDICAL_EXPENSE || facts.amount() == null) {
            return Optional.empty();
        }
        if (over(facts.amount(), rule.threshold())) {
            return Optional.of("Out-of-pocket medical costs of " + plain(facts.amount()) + " yuan are over " + plain(rule.threshold()) + ".");
        }
        if (rule.incomeShare() != null && facts.annualIncomePerCapita() != null && facts.members() > 0) {
            BigDecimal income = facts.annualIncomePerCapita().multiply(BigDecimal.valueOf(facts.members()));
            BigDecimal limit = income.multiply(rule.incomeShare()).setScale(2, RoundingMode.HALF_UP);
            if (facts.amount().compareTo(limit) > 0) {
                return Optional.of("Out-of-pocket medical costs of " + plain(facts.amount()) + " yuan are over " + plain(rule.incomeShare())
                        + " of the household's annual income of " + plain(income) + ".");
            }
        }
        return Optional.empty();
    }

    private static boolean over(BigDecimal amount, BigDecimal threshold) {
        return amount != null && threshold != null && amount.compareTo(threshold) > 0;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
