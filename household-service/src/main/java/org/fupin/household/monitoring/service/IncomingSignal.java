package org.fupin.household.monitoring.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalKind;

/**
 * A signal on its way in. Departments name a person (idNumber) or a household (householdNumber); fupin's own
 * observations name the household by id and, for an assessment, the guarantees it found failing.
 */
public record IncomingSignal(String signalId, Department department, SignalKind kind, String idNumber, String householdNumber,
        UUID householdId, LocalDate occurredOn, BigDecimal amount, String note, List<String> failingGuarantees) {

    public IncomingSignal {
        failingGuarantees = failingGuarantees == null ? List.of() : List.copyOf(failingGuarantees);
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.toUpperCase(java.util.Locale.ROOT);
        householdNumber = householdNumber == null || householdNumber.isBlank() ? null : householdNumber;
    }

    /** What a repeat must match to be the same signal: everything the sender said. */
    String fingerprint() {
        return String.join("|", kind.name(), String.valueOf(idNumber), String.valueOf(householdNumber), String.valueOf(householdId),
                occurredOn.toString(), amount == null ? "null" : amount.stripTrailingZeros().toPlainString(), String.valueOf(note));
    }
}
