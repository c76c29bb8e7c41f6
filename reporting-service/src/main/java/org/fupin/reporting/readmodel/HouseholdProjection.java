package org.fupin.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.events.CloudEvent;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberRestored;
import org.fupin.events.household.MemberUpdated;
import org.fupin.events.household.RegionUpserted;

/**
 * Projects household events into the read model. The facts are collected for the transaction and
 * written as sets ({@link HouseholdFacts}); every write is an insert that ignores what is already
 * there or an assignment, so the projection is correct under redelivery even before the inbox
 * deduplicates.
 */
@ApplicationScoped
public class HouseholdProjection {

    /** Registration is the first entry of a household's status history. */
    static final String REGISTER_ACTION = "REGISTER";

    private final HouseholdFacts facts;

    public HouseholdProjection(HouseholdFacts facts) {
        this.facts = facts;
    }

    /** Writes what the events so far in this transaction collected: the consumers call it once per batch. */
    public void write() {
        facts.flush();
    }

    public void regionUpserted(RegionUpserted region, CloudEvent event) {
        facts.region(region);
    }

    public void registered(HouseholdRegistered household, CloudEvent event) {
        facts.registered(new HouseholdFacts.Household(household.householdId(), household.villageCode(), household.category(),
                household.status(), household.registeredOn()));
        facts.history(new HouseholdFacts.StatusEntry(household.householdId(), household.registeredOn(), null, household.status(),
                REGISTER_ACTION, household.riskType()));
        for (MemberFacts member : household.members()) {
            facts.memberJoined(household.householdId(), member, household.registeredOn());
        }
    }

    /** A household moved to another village takes its counts along. */
    public void updated(HouseholdUpdated household, CloudEvent event) {
        facts.placed(household.householdId(), new HouseholdFacts.Place(household.villageCode(), household.category()));
    }

    public void memberAdded(MemberAdded added, CloudEvent event) {
        facts.memberJoined(added.householdId(), added.member(), added.effectiveDate());
    }

    public void memberUpdated(MemberUpdated updated, CloudEvent event) {
        facts.memberHealth(updated.member().memberId(), updated.member().disabilityGrade(), updated.member().severeMentalIllness());
    }

    public void memberRemoved(MemberRemoved removed, CloudEvent event) {
        facts.memberLeft(removed.householdId(), removed.memberId(), removed.effectiveDate());
    }

    /** A merge or move of a duplicate review undone: the member never left, as far as any count is concerned. */
    public void memberRestored(MemberRestored restored, CloudEvent event) {
        facts.memberRestored(restored.householdId(), restored.memberId());
    }

    /** The risk type is kept with the entry that names it, for the monitored households by type on any date. */
    public void statusChanged(HouseholdStatusChanged change, CloudEvent event) {
        facts.status(change.householdId(), change.to());
        facts.history(new HouseholdFacts.StatusEntry(change.householdId(), change.effectiveDate(), change.from(), change.to(),
                change.action(), change.riskType()));
    }

    public void assessed(HouseholdAssessed assessment, CloudEvent event) {
        facts.assessed(new HouseholdFacts.Assessment(assessment.assessmentId(), assessment.householdId(), assessment.assessedOn(),
                assessment.failingDimensions()));
    }
}
