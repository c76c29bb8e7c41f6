package org.fupin.assistance.replica.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.events.Topics;
import org.fupin.events.household.CaseDecided;
import org.fupin.events.household.VillageExitDecided;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.events.household.VillageExitProposed;
import org.fupin.events.household.CaseObjected;
import org.fupin.events.household.CaseObjectionResolved;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberRestored;
import org.fupin.events.household.MemberUpdated;
import org.fupin.events.household.RegionUpserted;
import org.fupin.platform.inbox.EventDispatcher;
import org.fupin.platform.inbox.EventBatches;

import io.smallrye.common.annotation.Blocking;

/** Transport adapter: takes household.events from Kafka into the replica, each event once, a poll's worth per transaction. */
@ApplicationScoped
public class HouseholdEventsConsumer {

    static final String CONSUMER = "assistance.household-replica";

    private final EventBatches batches;
    private final EventDispatcher dispatcher;

    public HouseholdEventsConsumer(EventBatches batches, HouseholdReplica replica) {
        this.batches = batches;
        this.dispatcher = EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS)
                .on(RegionUpserted.class, replica::regionUpserted)
                .on(HouseholdRegistered.class, replica::registered)
                .on(HouseholdUpdated.class, replica::updated)
                .on(HouseholdStatusChanged.class, replica::statusChanged)
                // Members and assessments do not change whether or where a household can be helped.
                .ignore(MemberAdded.class)
                .ignore(MemberUpdated.class)
                .ignore(MemberRemoved.class)
                .ignore(MemberRestored.class)
                .ignore(HouseholdAssessed.class)
                // Cases are the household service's record of decisions; their outcome arrives as household.status-changed.
                .ignore(CaseOpened.class)
                .ignore(CaseStageCompleted.class)
                .ignore(CaseObjected.class)
                .ignore(CaseObjectionResolved.class)
                .ignore(CaseDecided.class)
                .ignore(VillageExitProposed.class)
                .ignore(VillageExitDecided.class)
                // Monitoring is the household service's; a confirmed risk or a clearance arrives as household.status-changed.
                .ignore(SignalReceived.class)
                .ignore(MonitoringAlertOpened.class)
                .ignore(MonitoringAlertVerified.class)
                .ignore(MonitoringAlertDecided.class)
                .ignore(RiskClearanceProposed.class)
                .ignore(RiskClearanceDecided.class)
                .build();
    }

    @Incoming("household-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.apply(CONSUMER, records, dispatcher);
    }
}
