package org.fupin.household.registry.service;

import org.fupin.household.registry.domain.ExitCriteria;

/** English explanations of exit shortfalls; the problem module localizes them by code. */
final class ExitMessages {

    private ExitMessages() {
    }

    static String of(ExitCriteria.Shortfall shortfall) {
        return switch (shortfall.code()) {
            case "no-recent-assessment" -> "No assessment within " + ExitCriteria.ASSESSMENT_VALIDITY_DAYS
                    + " days before the effective date; assess the household first.";
            case "income-below-poverty-line" -> "The assessed income per person is below the poverty line of the year.";
            case "no-poverty-line" -> "No poverty line is configured for the year of the exit.";
            default -> "The guarantee " + shortfall.dimension() + " is not met.";
        };
    }
}
