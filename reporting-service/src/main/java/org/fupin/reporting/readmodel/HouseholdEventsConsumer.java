package org.fupin.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.events.Topics;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberUpdated;
import org.fupin.events.household.RegionUpserted;
import org.fupin.platform.inbox.EventDispatcher;
import org.fupin.platform.inbox.IdempotentConsumer;

import io.smallrye.common.annotation.Blocking;

/** Transport adapter: takes household.events from Kafka into the read model, each event once. */
@ApplicationScoped
public class HouseholdEventsConsumer {

    public static final String CONSUMER = "reporting.household-read-model";

    private final IdempotentConsumer consumer;
    private final EventDispatcher dispatcher;

    public HouseholdEventsConsumer(IdempotentConsumer consumer, HouseholdProjection projection) {
        this.consumer = consumer;
        this.dispatcher = EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS)
                .on(RegionUpserted.class, projection::regionUpserted)
                .on(HouseholdRegistered.class, projection::registered)
                .on(HouseholdUpdated.class, projection::updated)
                .on(MemberAdded.class, projection::memberAdded)
                .on(MemberUpdated.class, projection::memberUpdated)
                .on(MemberRemoved.class, projection::memberRemoved)
                .on(HouseholdStatusChanged.class, projection::statusChanged)
                // The guarantees report (兩不愁三保障) is not built yet; it will read assessments.
                .ignore(HouseholdAssessed.class)
                .build();
    }

    @Incoming("household-events")
    @Blocking
    public void consume(String record) {
        consumer.consume(CONSUMER, record, dispatcher);
    }
}
