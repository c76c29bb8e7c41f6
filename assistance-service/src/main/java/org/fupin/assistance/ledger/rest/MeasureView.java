package org.fupin.assistance.ledger.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.domain.MeasureStatus;
import org.fupin.assistance.ledger.domain.MeasureType;
import org.fupin.assistance.ledger.domain.ProviderKind;
import org.fupin.assistance.ledger.persistence.MeasureEntity;

/** An assistance measure as the API shows it; confirmedOn is null until the household confirms. */
@Schema(name = "Measure")
public record MeasureView(UUID id, MeasureType type, @Schema(nullable = true) UUID householdId,
        @Schema(description = "The village helped, or the household's village.") String villageCode,
        Provider provider, @Schema(description = "CNY, two decimals.") BigDecimal amount, LocalDate startedOn,
        MeasureStatus status, @Schema(nullable = true) String description,
        @Schema(nullable = true, description = "The day it was confirmed done; null until then.") LocalDate confirmedOn,
        Instant createdAt, Instant updatedAt) {

    /** Who provides the measure. */
    @Schema(name = "MeasureProviderView")
    public record Provider(ProviderKind kind, UUID id) {
    }

    static MeasureView of(MeasureEntity m) {
        return new MeasureView(m.id, m.type, m.householdId, m.villageCode, new Provider(m.providerKind, m.providerId),
                m.amount, m.startedOn, m.status, m.description, m.confirmedOn, m.createdAt, m.updatedAt);
    }
}
