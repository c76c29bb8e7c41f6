package org.fupin.household.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.fupin.household.registry.domain.Assessment;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * Risk elimination (風險消除): a monitored household may be cleared when its income per person has stayed above
 * the warning line, and every guarantee has held, for the whole of the last {@code months} months. "The whole"
 * means: the assessment in force at the start of the period (the latest on or before it) and every assessment
 * since say so. Without an assessment at the start the period is not covered, however good the recent ones are.
 */
public final class StableIncome {

    private StableIncome() {
    }

    /** An assessment the clearance rests on. */
    public record Evidence<T>(T id, Assessment assessment) {
    }

    /**
     * The assessments that show the period stable, oldest first.
     *
     * @param assessments the household's assessments, any order
     * @param warningLine the warning line in force on a day
     * @throws Refusal 422 {@code risk-not-eliminated} saying what is missing
     */
    public static <T> List<T> require(List<Evidence<T>> assessments, LocalDate proposedOn, int months,
            Function<LocalDate, Optional<BigDecimal>> warningLine) {
        LocalDate start = proposedOn.minusMonths(months);
        List<Evidence<T>> sorted = assessments.stream()
                .filter(a -> !a.assessment().assessedOn().isAfter(proposedOn))
                .sorted((a, b) -> a.assessment().assessedOn().compareTo(b.assessment().assessedOn()))
                .toList();
        Evidence<T> atStart = null;
        List<Evidence<T>> period = new ArrayList<>();
        for (Evidence<T> a : sorted) {
            if (a.assessment().assessedOn().isAfter(start)) {
                period.add(a);
            } else {
                atStart = a;
            }
        }
        if (atStart == null) {
            throw refused("No assessment on or before " + start + ": the household's income is not known to have been stable for "
                    + months + " months.", start);
        }
        period.add(0, atStart);
        for (Evidence<T> a : period) {
            Assessment assessment = a.assessment();
            if (!assessment.meetsAllGuarantees()) {
                throw refused("The assessment of " + assessment.assessedOn() + " finds " + assessment.failingGuarantees() + " failing.", start);
            }
            Optional<BigDecimal> line = warningLine.apply(assessment.assessedOn());
            if (line.isPresent() && assessment.annualIncomePerCapita().compareTo(line.get()) < 0) {
                throw refused("The assessment of " + assessment.assessedOn() + " finds income per person "
                        + assessment.annualIncomePerCapita().toPlainString() + ", under the warning line " + line.get().toPlainString() + ".", start);
            }
        }
        return period.stream().map(Evidence::id).toList();
    }

    private static Refusal refused(String detail, LocalDate start) {
        return Refusal.unprocessable("risk-not-eliminated", detail, List.of(new Violation("proposedOn", "risk-not-eliminated",
                "Income above the warning line and every guarantee holding since " + start + ".", Map.of("since", start))));
    }
}
