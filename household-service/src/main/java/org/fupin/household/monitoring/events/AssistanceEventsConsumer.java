package org.fupin.household.monitoring.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.events.Topics;
import org.fupin.events.assistance.GroupCreated;
import org.fupin.events.assistance.HelperRegistered;
import org.fupin.events.assistance.HelperUpdated;
import org.fupin.events.assistance.MeasureConfirmed;
import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.MeasureUpdated;
import org.fupin.events.assistance.PairingEnded;
import org.fupin.events.assistance.PairingStarted;
import org.fupin.events.assistance.UnitRegistered;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.assistance.WarZoneDefined;
import org.fupin.events.assistance.WorkTeamAssigned;
import org.fupin.household.monitoring.service.Assignments;
import org.fupin.household.monitoring.service.Observations;
import org.fupin.platform.inbox.EventBatches;
import org.fupin.platform.inbox.EventDispatcher;

import io.smallrye.common.annotation.Blocking;

/**
 * Transport adapter: takes from assistance.events who helps each household and village (so an alert goes to the
 * right person) and the visits that observed a risk (so they become signals), each event once.
 */
@ApplicationScoped
public class AssistanceEventsConsumer {

    static final String CONSUMER = "household.monitoring";

    private final EventBatches batches;
    private final EventDispatcher dispatcher;

    public AssistanceEventsConsumer(EventBatches batches, Assignments assignments, Observations observations) {
        this.batches = batches;
        this.dispatcher = EventDispatcher.forTopic(Topics.ASSISTANCE_EVENTS)
                .on(PairingStarted.class, (p, event) -> {
                    if ("HELPER_HOUSEHOLD".equals(p.kind())) {
                        assignments.pairingStarted(p.pairingId(), p.householdId(), p.helperId(), p.startDate());
                    }
                })
                .on(PairingEnded.class, (p, event) -> {
                    if ("HELPER_HOUSEHOLD".equals(p.kind())) {
                        assignments.pairingEnded(p.pairingId(), p.householdId(), p.endDate());
                    }
                })
                .on(WorkTeamAssigned.class, (t, event) -> assignments.workTeamAssigned(t.workTeamId(), t.villageCode(), t.leaderId(),
                        t.startDate()))
                .on(VisitRecorded.class, (v, event) -> {
                    if (v.riskObserved()) {
                        observations.riskObserved(v.visitId(), v.helperId(), v.householdId(), v.visitedAt());
                    }
                })
                // Who the helpers are, their units and groups, war zones and measures do not decide who verifies an alert.
                .ignore(UnitRegistered.class)
                .ignore(GroupCreated.class)
                .ignore(HelperRegistered.class)
                .ignore(HelperUpdated.class)
                .ignore(WarZoneDefined.class)
                .ignore(MeasureRecorded.class)
                .ignore(MeasureUpdated.class)
                .ignore(MeasureConfirmed.class)
                .build();
    }

    @Incoming("assistance-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.apply(CONSUMER, records, dispatcher);
    }
}
