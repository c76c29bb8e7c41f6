package org.fupin.assistance.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.kernel.Violation;

/**
 * The rules of the assistance ledger: a measure is for exactly one household or one village; its
 * amount is exact money (CNY, not negative, at most two decimals); it has started unless it is
 * still PLANNED; its status only moves forward; a household confirms a started measure once, and
 * the amount it confirmed no longer changes.
 */
public final class MeasureRules {

    /** NUMERIC(14, 2): twelve digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 12;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    private MeasureRules() {
    }

    /** Every violation of the measure's fields at once; empty when it may be recorded. */
    public static List<Violation> check(MeasureFacts measure, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        if (measure.householdId() == null && measure.villageCode() == null) {
            errors.add(new Violation("householdId", "exactly-one", "Give either householdId or villageCode."));
        } else if (measure.householdId() != null && measure.villageCode() != null) {
            errors.add(new Violation("villageCode", "exactly-one",
                    "Give either householdId or villageCode, not both; a household measure takes the household's village."));
        }
        require(errors, "type", measure.type());
        require(errors, "provider.kind", measure.providerKind());
        require(errors, "provider.id", measure.providerId());
        require(errors, "status", measure.status());
        errors.addAll(checkAmount(measure.amount()));
        if (measure.startedOn() == null) {
            errors.add(new Violation("startedOn", "required", "This field is required."));
        } else if (measure.status() != MeasureStatus.PLANNED && measure.startedOn().isAfter(today)) {
            errors.add(new Violation("startedOn", "date-in-future",
                    "Only a PLANNED measure can start in the future."));
        }
        if (measure.description() != null && measure.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new Violation("description", "length", "At most " + MAX_DESCRIPTION_LENGTH + " characters.",
                    Map.of("min", 0, "max", MAX_DESCRIPTION_LENGTH)));
        }
        return errors;
    }

    /** Exact money: present, not negative, at most two decimals (trailing zeros aside), at most twelve integer digits. */
    public static List<Violation> checkAmount(BigDecimal amount) {
        if (amount == null) {
            return List.of(new Violation("amount", "required", "This field is required."));
        }
        if (amount.signum() < 0) {
            return List.of(new Violation("amount", "range", "An amount is never negative."));
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2 || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            return List.of(new Violation("amount", "precision",
                    "At most " + MAX_INTEGER_DIGITS + " digits before and 2 after the decimal point.",
                    Map.of("integer", MAX_INTEGER_DIGITS, "fraction", 2)));
        }
        return List.of();
    }

    /** The amount as stored: two decimals, exactly. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** PLANNED → IN_PROGRESS → COMPLETED, skipping allowed, never back. */
    public static Optional<MeasureRefusal> toChangeStatus(MeasureStatus from, MeasureStatus to) {
        return to.ordinal() < from.ordinal() ? Optional.of(MeasureRefusal.ILLEGAL_STATUS_CHANGE) : Optional.empty();
    }

    /** Once the household confirmed the amount it received, the amount is a fact; it cannot be changed. */
    public static Optional<MeasureRefusal> toChangeAmount(boolean confirmed, BigDecimal from, BigDecimal to) {
        return confirmed && from.compareTo(to) != 0 ? Optional.of(MeasureRefusal.AMOUNT_CONFIRMED) : Optional.empty();
    }

    /** Only a household confirms, only once, and only what has started to reach it. */
    public static Optional<MeasureRefusal> toConfirm(boolean householdMeasure, MeasureStatus status, boolean confirmed) {
        if (!householdMeasure) {
            return Optional.of(MeasureRefusal.NOT_A_HOUSEHOLD_MEASURE);
        }
        if (confirmed) {
            return Optional.of(MeasureRefusal.ALREADY_CONFIRMED);
        }
        if (status == MeasureStatus.PLANNED) {
            return Optional.of(MeasureRefusal.MEASURE_NOT_STARTED);
        }
        return Optional.empty();
    }

    /** A confirmation is dated between the measure's start and today. */
    public static List<Violation> checkConfirmation(LocalDate confirmedOn, LocalDate startedOn, LocalDate today) {
        if (confirmedOn.isAfter(today)) {
            return List.of(new Violation("confirmedOn", "date-in-future", "This date cannot lie in the future."));
        }
        if (confirmedOn.isBefore(startedOn)) {
            return List.of(new Violation("confirmedOn", "confirmed-before-start",
                    "A measure is confirmed on or after it started (" + startedOn + ").", Map.of("min", startedOn)));
        }
        return List.of();
    }

    private static void require(List<Violation> errors, String field, Object value) {
        if (value == null) {
            errors.add(new Violation(field, "required", "This field is required."));
        }
    }
}
