package org.fupin.household.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fupin.household.registry.domain.IdNumber;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * What a department's signal must say beyond its shape, the same for the API and the topic: whom it names
 * (an ID number or a household number, not both), that only fupin sends its cadres' observations, an amount
 * where the kind has one, and a date that has happened.
 */
public final class SignalRules {

    private SignalRules() {
    }

    /** Every rule the signal breaks, as field violations; empty when it may be received. */
    public static List<Violation> violations(Department department, SignalKind kind, String idNumber, String householdNumber,
            LocalDate occurredOn, BigDecimal amount, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        boolean byPerson = idNumber != null && !idNumber.isBlank();
        boolean byHousehold = householdNumber != null && !householdNumber.isBlank();
        if (byPerson == byHousehold) {
            violations.add(new Violation("idNumber", "signal-subject",
                    "Name the person by idNumber or the household by householdNumber, exactly one of them."));
        }
        if (byPerson) {
            IdNumber.Parsed parsed = IdNumber.parse(idNumber, today);
            if (!parsed.valid()) {
                violations.add(new Violation("idNumber", parsed.defect().code(), "Not a valid resident ID number (18 characters, check digit, birth date)."));
            }
        }
        if (department == Department.FUPIN || kind != null && kind.internal()) {
            violations.add(new Violation(department == Department.FUPIN ? "department" : "kind", "internal-signal",
                    "RISK_OBSERVED, ASSESSMENT and the department FUPIN are fupin's own cadres' observations; a department does not send them."));
        }
        if (kind != null && kind.needsAmount() && amount == null) {
            violations.add(new Violation("amount", "amount-required", kind + " needs an amount in yuan."));
        }
        if (kind != null && !kind.needsAmount() && amount != null) {
            violations.add(new Violation("amount", "not-applicable", kind + " has no amount."));
        }
        if (occurredOn != null && occurredOn.isAfter(today)) {
            violations.add(new Violation("occurredOn", "date-in-future", "A signal reports what has happened: not after today."));
        }
        return violations;
    }

    public static void require(Department department, SignalKind kind, String idNumber, String householdNumber, LocalDate occurredOn,
            BigDecimal amount, LocalDate today) {
        List<Violation> violations = violations(department, kind, idNumber, householdNumber, occurredOn, amount, today);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
    }
}
