package org.fupin.household.monitoring.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalChannel;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.SignalOutcome;
import org.fupin.household.monitoring.persistence.SignalEntity;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;

/** How signals are shown: a receipt to the sender, the whole record to the region's people. */
public final class SignalViews {

    private SignalViews() {
    }

    /**
     * What a sender gets back: that fupin has the signal, not what it made of it. Whether a person is registered is
     * not the sender's to learn from a receipt.
     */
    @Schema(name = "SignalReceipt")
    public record Receipt(UUID id, String signalId, Department department, SignalKind kind, LocalDate occurredOn, LocalDate receivedOn,
            @Schema(description = "false: a repeat of a signal received before, which changed nothing.") boolean created) {

        static Receipt of(SignalEntity s, boolean created) {
            return new Receipt(s.id, s.signalId, s.department, s.kind, s.occurredOn, s.receivedOn, created);
        }
    }

    @Schema(name = "MonitoringSignal")
    public record View(UUID id, String signalId, Department department, SignalKind kind,
            @Schema(description = "As the privacy policy lets the caller see ID numbers of the region: in full, masked (first 6 and last 4) or left out.", nullable = true)
            String idNumber,
            @Schema(nullable = true) String householdNumber, LocalDate occurredOn, @Schema(nullable = true) BigDecimal amount,
            @Schema(nullable = true) String note, LocalDate receivedOn, SignalChannel channel, SignalOutcome outcome,
            @Schema(nullable = true) UUID householdId,
            @Schema(description = "The household's village; for an unknown person the county of the ID number, if fupin knows it.",
                    nullable = true) String regionCode,
            @Schema(nullable = true) UUID alertId) {

        static View of(SignalEntity s, FieldAccess access) {
            String idNumber = access.text(PersonalField.ID_NUMBER, s.regionCode, s.idNumber);
            return new View(s.id, s.signalId, s.department, s.kind, idNumber, s.householdNo, s.occurredOn, s.amount, s.note,
                    s.receivedOn, s.channel, s.outcome, s.householdId, s.regionCode, s.alertId);
        }
    }
}
