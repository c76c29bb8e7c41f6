package org.fupin.household.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * When a household may be proposed for exit (退出標準): its latest assessment, made at most 90
 * days before the exit's effective date, meets every guarantee, and the income it measured reaches
 * the poverty line of the exit's year.
 */
public final class ExitCriteria {

    /** An assessment older than this no longer describes the household. */
    public static final int ASSESSMENT_VALIDITY_DAYS = 90;

    /** One reason an exit is refused, named by a stable code and, for a dimension, the dimension. */
    public record Shortfall(String code, Dimension dimension) {

        /** In English; the problem texts localize it by code. */
        public String message() {
            return switch (code) {
                case "no-recent-assessment" -> "No assessment within " + ASSESSMENT_VALIDITY_DAYS
                        + " days before the effective date; assess the household first.";
                case "income-below-poverty-line" -> "The assessed income per person is below the poverty line of the year.";
                case "no-poverty-line" -> "No poverty line is configured for the year of the exit.";
                default -> "The guarantee " + dimension + " is not met.";
            };
        }
    }

    private ExitCriteria() {
    }

    /** Empty when the household may exit on {@code effectiveDate}; otherwise every reason it may not. */
    public static List<Shortfall> check(Optional<Assessment> latest, LocalDate effectiveDate, PovertyLines lines) {
        List<Shortfall> shortfalls = new ArrayList<>();
        if (latest.isEmpty() || latest.get().assessedOn().isBefore(effectiveDate.minusDays(ASSESSMENT_VALIDITY_DAYS))
                || latest.get().assessedOn().isAfter(effectiveDate)) {
            shortfalls.add(new Shortfall("no-recent-assessment", null));
            return shortfalls;
        }
        Assessment assessment = latest.get();
        for (Dimension failing : assessment.failingGuarantees()) {
            shortfalls.add(new Shortfall("guarantee-not-met", failing));
        }
        Optional<BigDecimal> line = lines.forYear(effectiveDate.getYear());
        if (line.isEmpty()) {
            shortfalls.add(new Shortfall("no-poverty-line", Dimension.INCOME));
        } else if (assessment.annualIncomePerCapita().compareTo(line.get()) < 0) {
            shortfalls.add(new Shortfall("income-below-poverty-line", Dimension.INCOME));
        }
        return shortfalls;
    }

    /** Refuses with {@code exit-criteria-not-met}, naming each failing dimension, unless the household may exit on the date. */
    public static void requireMet(Optional<Assessment> latest, LocalDate effectiveDate, PovertyLines lines) {
        List<Shortfall> shortfalls = check(latest, effectiveDate, lines);
        if (!shortfalls.isEmpty()) {
            List<Violation> violations = new ArrayList<>();
            for (Shortfall shortfall : shortfalls) {
                violations.add(new Violation(shortfall.dimension() == null ? "assessment" : shortfall.dimension().name(),
                        shortfall.code(), shortfall.message()));
            }
            throw Refusal.unprocessable("exit-criteria-not-met", "The household does not meet the exit criteria on "
                    + effectiveDate + ": " + String.join(", ", violations.stream().map(Violation::field).toList()) + ".",
                    violations);
        }
    }
}
