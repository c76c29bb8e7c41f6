package org.fupin.platform.inbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fupin.events.Topics;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.household.CaseDecided;
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
import org.fupin.events.household.VillageExitDecided;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.events.household.VillageExitProposed;
import org.junit.jupiter.api.Test;

/** A consumer must say what it does with every event type of its topic. */
class EventDispatcherTest {

    @Test
    void refusesToBuildWhenATypeOfTheTopicIsNeitherHandledNorIgnored() {
        assertThatThrownBy(() -> EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS)
                .on(HouseholdRegistered.class, (data, event) -> { })
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("household.status-changed");
    }

    @Test
    void buildsWhenEveryTypeIsAccountedFor() {
        assertThatCode(() -> EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS)
                .on(HouseholdRegistered.class, (data, event) -> { })
                .on(HouseholdStatusChanged.class, (data, event) -> { })
                .ignore(RegionUpserted.class)
                .ignore(HouseholdUpdated.class)
                .ignore(MemberAdded.class)
                .ignore(MemberUpdated.class)
                .ignore(MemberRemoved.class)
                .ignore(MemberRestored.class)
                .ignore(HouseholdAssessed.class)
                .ignore(CaseOpened.class)
                .ignore(CaseStageCompleted.class)
                .ignore(CaseObjected.class)
                .ignore(CaseObjectionResolved.class)
                .ignore(CaseDecided.class)
                .ignore(VillageExitProposed.class)
                .ignore(VillageExitDecided.class)
                .ignore(SignalReceived.class)
                .ignore(MonitoringAlertOpened.class)
                .ignore(MonitoringAlertVerified.class)
                .ignore(MonitoringAlertDecided.class)
                .ignore(RiskClearanceProposed.class)
                .ignore(RiskClearanceDecided.class)
                .build()).doesNotThrowAnyException();
    }

    @Test
    void refusesATypeOfAnotherTopic() {
        assertThatThrownBy(() -> EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS).ignore(VisitRecorded.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
