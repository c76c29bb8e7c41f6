package org.fupin.assistance.ledger.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.domain.MeasureFacts;
import org.fupin.assistance.ledger.domain.MeasureStatus;
import org.fupin.assistance.ledger.domain.MeasureType;
import org.fupin.assistance.ledger.domain.ProviderKind;

/** The body of {@code POST /api/v1/measures}: an assistance measure for exactly one household or one village. */
@Schema(name = "MeasureRequest")
public record MeasureRequest(
        @NotNull MeasureType type,
        @Schema(description = "The household helped; give this or villageCode, not both.") UUID householdId,
        @Pattern(regexp = "\\d{12}") @Schema(description = "The village helped; give this or householdId, not both.",
                examples = "500235101201") String villageCode,
        @NotNull @Valid ProviderRequest provider,
        @NotNull @Schema(description = "CNY, not negative, at most two decimals.", examples = "3000.50") BigDecimal amount,
        @NotNull @Schema(description = "Not in the future unless the measure is PLANNED.") LocalDate startedOn,
        @Schema(description = "Default PLANNED.") MeasureStatus status,
        @Size(max = 2000) @Schema(description = "Stays in this service; never part of an event.") String description) {

    /** Who provides the measure. */
    @Schema(name = "MeasureProvider")
    public record ProviderRequest(@NotNull ProviderKind kind, @NotNull @Schema(description = "Id of the helper, unit or group.") UUID id) {
    }

    MeasureFacts toDomain() {
        return new MeasureFacts(type, householdId, villageCode, provider.kind(), provider.id(), amount, startedOn,
                status == null ? MeasureStatus.PLANNED : status, description);
    }
}
