package org.fupin.assistance.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The facts of a measure the rules look at, as requested or as a merge patch leaves them. */
public record MeasureFacts(MeasureType type, UUID householdId, String villageCode, ProviderKind providerKind,
        UUID providerId, BigDecimal amount, LocalDate startedOn, MeasureStatus status, String description) {
}
