package org.fupin.assistance.visit.service;

import org.fupin.assistance.visit.persistence.VisitEntity;
import org.fupin.events.assistance.VisitRecorded;

/** Turns visits into event records; the notes stay in this service. */
final class VisitEvents {

    private VisitEvents() {
    }

    static VisitRecorded recorded(VisitEntity visit) {
        return new VisitRecorded(visit.id, visit.helperId, visit.householdId, visit.villageCode, visit.visitedAt,
                visit.riskObserved);
    }
}
