package org.fupin.assistance.ledger.service;

import java.time.LocalDate;
import java.util.List;

import org.fupin.assistance.ledger.persistence.MeasureEntity;
import org.fupin.events.assistance.MeasureConfirmed;
import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.MeasureUpdated;
import org.fupin.events.assistance.Provider;

/** Turns ledger entries into event records; descriptions stay in this service. */
final class MeasureEvents {

    private MeasureEvents() {
    }

    static MeasureRecorded recorded(MeasureEntity m) {
        return new MeasureRecorded(m.id, m.type.name(), m.householdId, m.villageCode,
                new Provider(m.providerKind.name(), m.providerId), m.amount, m.startedOn, m.status.name());
    }

    static MeasureUpdated updated(MeasureEntity m, List<String> changedFields, LocalDate effectiveDate) {
        return new MeasureUpdated(m.id, m.type.name(), m.householdId, m.villageCode, m.amount, m.status.name(),
                changedFields, effectiveDate);
    }

    static MeasureConfirmed confirmed(MeasureEntity m) {
        return new MeasureConfirmed(m.id, m.householdId, m.villageCode, m.confirmedOn);
    }
}
