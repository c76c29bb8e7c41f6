package org.fupin.household.cases.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.fupin.household.registry.domain.Assessment;
import org.fupin.household.registry.domain.ExitCriteria;
import org.fupin.household.registry.domain.PovertyLines;
import org.fupin.kernel.Refusal;

/**
 * What a proposal must rest on. EXIT: the latest assessment within 90 days meets every guarantee and
 * the poverty line of the year ({@link ExitCriteria}). IDENTIFY: the latest assessment within 90 days
 * shows a guarantee failing or income under the line. RETURN and REMOVE rest on their reason and the
 * verification that follows.
 */
public final class CaseCriteria {

    private CaseCriteria() {
    }

    public static void requireMet(CaseKind kind, Optional<Assessment> latest, LocalDate proposedOn, PovertyLines lines) {
        switch (kind) {
            case EXIT -> ExitCriteria.requireMet(latest, proposedOn, lines);
            case IDENTIFY -> requireNeed(latest, proposedOn, lines);
            case RETURN, REMOVE -> {
                // Their evidence is the verification's visit.
            }
        }
    }

    private static void requireNeed(Optional<Assessment> latest, LocalDate proposedOn, PovertyLines lines) {
        if (latest.isEmpty() || latest.get().assessedOn().isAfter(proposedOn)
                || latest.get().assessedOn().isBefore(proposedOn.minusDays(ExitCriteria.ASSESSMENT_VALIDITY_DAYS))) {
            throw Refusal.unprocessable("no-recent-assessment", "No assessment within " + ExitCriteria.ASSESSMENT_VALIDITY_DAYS
                    + " days before the proposal; assess the household first.");
        }
        Assessment assessment = latest.get();
        Optional<BigDecimal> line = lines.forYear(proposedOn.getYear());
        boolean incomeUnderLine = line.isPresent() && assessment.annualIncomePerCapita().compareTo(line.get()) < 0;
        if (assessment.failingGuarantees().isEmpty() && !incomeUnderLine) {
            throw Refusal.unprocessable("identification-criteria-not-met", "The latest assessment (" + assessment.assessedOn()
                    + ") meets every guarantee and the poverty line: nothing to identify the household as poor on.");
        }
    }
}
