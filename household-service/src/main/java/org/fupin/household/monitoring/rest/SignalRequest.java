package org.fupin.household.monitoring.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.kernel.Formats;

/**
 * A department's signal, as the API takes it and as the monitoring.signals topic carries it (the topic's
 * published schema, monitoring-signal.v1.json, says the same).
 */
@Schema(name = "Signal", description = "A department's signal about a person (by ID number) or a household (by its number).")
public record SignalRequest(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
        @Schema(description = "The sender's own id of the signal: a repeat with the same id and department changes nothing.",
                maxLength = 100) String signalId,
        @NotNull @Schema(description = "The sending department.") Department department,
        @NotNull @Schema(description = "What happened. RISK_OBSERVED and ASSESSMENT are fupin's own and refused here.") SignalKind kind,
        @Size(max = 18) @Schema(description = "The person's resident ID number (18 characters); or householdNumber.",
                pattern = Formats.ID_NUMBER) String idNumber,
        @Size(max = 40) @Schema(description = "The household's number in the register; or idNumber.") String householdNumber,
        @NotNull @Schema(description = "The day it happened; not after today.") LocalDate occurredOn,
        @DecimalMin("0") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2)
        @Schema(description = "Yuan: the out-of-pocket cost (MEDICAL_EXPENSE), the loss (DISASTER_LOSS) or the annual income per "
                + "person after the drop (INCOME_DROP); absent for the other kinds.") BigDecimal amount,
        @Size(max = 500) @Schema(description = "The department's note.") String note) {
}
