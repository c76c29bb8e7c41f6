package org.fupin.household.cases.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/** The date of a recorded step of a decision (a case's stage, a village exit): given, not after today, not before the step it follows. */
public final class StepDates {

    private StepDates() {
    }

    public static void require(String field, LocalDate date, LocalDate notBefore, LocalDate today) {
        if (date == null) {
            throw Refusal.invalid(field, "required", "The date of the step is required.");
        }
        if (date.isAfter(today)) {
            throw Refusal.invalid(field, "date-in-future", "A step cannot be dated after today.");
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw Refusal.unprocessable("date-before-previous-step", "The previous step is dated " + notBefore
                    + "; this one cannot be earlier.", List.of(new Violation(field, "date-before-previous-step",
                            "On or after " + notBefore + ".", Map.of("min", notBefore))));
        }
    }
}
