package org.fupin.household.monitoring.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.monitoring.service.IncomingSignal;

/** The signals of a batch, and the mapping of a request to what the intake takes. */
public final class SignalRequests {

    private SignalRequests() {
    }

    /** Up to 500 signals, received in one transaction: one bad signal refuses the batch and nothing is kept. */
    @Schema(name = "SignalBatch")
    public record Batch(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid SignalRequest> signals) {
    }

    public static IncomingSignal incoming(SignalRequest s) {
        return new IncomingSignal(s.signalId(), s.department(), s.kind(), s.idNumber(), s.householdNumber(), null, s.occurredOn(),
                s.amount(), s.note() == null || s.note().isBlank() ? null : s.note().strip(), null);
    }
}
