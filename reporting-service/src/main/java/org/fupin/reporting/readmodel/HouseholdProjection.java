package org.fupin.reporting.readmodel;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.events.CloudEvent;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberUpdated;
import org.fupin.events.household.RegionUpserted;
import org.hibernate.Session;

/**
 * Projects household events into the read model. Writes are upserts keyed by the event's facts,
 * so that the projection is correct under redelivery even before the inbox deduplicates.
 */
@ApplicationScoped
public class HouseholdProjection {

    /** Registration is the first entry of a household's status history. */
    static final String REGISTER_ACTION = "REGISTER";

    private final EntityManager entityManager;
    private final StatusCounts counts;

    public HouseholdProjection(EntityManager entityManager, StatusCounts counts) {
        this.entityManager = entityManager;
        this.counts = counts;
    }

    public void regionUpserted(RegionUpserted region, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into region_fact (code, name, level, parent_code, rural_population, poor_village, deep_poverty)
                values (:code, :name, :level, :parent, :population, :poor, :deep)
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                    parent_code = excluded.parent_code, rural_population = excluded.rural_population,
                    poor_village = excluded.poor_village, deep_poverty = excluded.deep_poverty""")
                .setParameter("code", region.code())
                .setParameter("name", region.name())
                .setParameter("level", region.level())
                .setParameter("parent", region.parentCode())
                .setParameter("population", region.ruralPopulation())
                .setParameter("poor", region.poorVillage())
                .setParameter("deep", region.deepPoverty())
                .executeUpdate();
    }

    public void registered(HouseholdRegistered household, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into household_fact (household_id, village_code, category, status, registered_on)
                values (:id, :village, :category, :status, :registeredOn)
                on conflict (household_id) do nothing""")
                .setParameter("id", household.householdId())
                .setParameter("village", household.villageCode())
                .setParameter("category", household.category())
                .setParameter("status", household.status())
                .setParameter("registeredOn", household.registeredOn())
                .executeUpdate();
        appendStatus(household.householdId(), household.registeredOn(), null, household.status(), REGISTER_ACTION,
                household.riskType());
        upsertMembers(household.householdId(), household.members(), household.registeredOn());
        counts.recount(household.householdId());
    }

    public void updated(HouseholdUpdated household, CloudEvent event) {
        entityManager.createNativeQuery("""
                update household_fact set village_code = :village, category = :category where household_id = :id""")
                .setParameter("id", household.householdId())
                .setParameter("village", household.villageCode())
                .setParameter("category", household.category())
                .executeUpdate();
        // A household moved to another village takes its counts along.
        counts.recount(household.householdId());
    }

    public void memberAdded(MemberAdded added, CloudEvent event) {
        upsertMembers(added.householdId(), List.of(added.member()), added.effectiveDate());
        counts.recount(added.householdId());
    }

    public void memberUpdated(MemberUpdated updated, CloudEvent event) {
        entityManager.createNativeQuery("""
                update member_fact set disability_grade = :grade, severe_mental_illness = :mental
                where member_id = :id""")
                .setParameter("id", updated.member().memberId())
                .setParameter("grade", updated.member().disabilityGrade())
                .setParameter("mental", updated.member().severeMentalIllness())
                .executeUpdate();
    }

    public void memberRemoved(MemberRemoved removed, CloudEvent event) {
        entityManager.createNativeQuery("update member_fact set left_on = :leftOn where member_id = :id")
                .setParameter("id", removed.memberId())
                .setParameter("leftOn", removed.effectiveDate())
                .executeUpdate();
        counts.recount(removed.householdId());
    }

    public void statusChanged(HouseholdStatusChanged change, CloudEvent event) {
        entityManager.createNativeQuery("update household_fact set status = :status where household_id = :id")
                .setParameter("id", change.householdId())
                .setParameter("status", change.to())
                .executeUpdate();
        appendStatus(change.householdId(), change.effectiveDate(), change.from(), change.to(), change.action(), change.riskType());
        counts.recount(change.householdId());
    }

    public void assessed(HouseholdAssessed assessment, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into assessment_fact (assessment_id, household_id, assessed_on, failing_dimensions)
                values (:id, :household, :on, cast(:failing as text[]))
                on conflict (assessment_id) do nothing""")
                .setParameter("id", assessment.assessmentId())
                .setParameter("household", assessment.householdId())
                .setParameter("on", assessment.assessedOn())
                .setParameter("failing", "{" + String.join(",", assessment.failingDimensions()) + "}")
                .executeUpdate();
    }

    /** The risk type is kept with the entry that names it, for the monitored households by type on any date. */
    private void appendStatus(UUID household, LocalDate effectiveDate, String from, String to, String action, String riskType) {
        entityManager.createNativeQuery("""
                insert into household_status_history (household_id, effective_date, from_status, to_status, action, risk_type)
                values (:id, :date, :from, :to, :action, :riskType)""")
                .setParameter("id", household)
                .setParameter("date", effectiveDate)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("action", action)
                .setParameter("riskType", riskType)
                .executeUpdate();
    }

    /** One batch for all the members: a registration brings several. */
    private void upsertMembers(UUID household, List<MemberFacts> members, LocalDate joinedOn) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into member_fact (member_id, household_id, joined_on, disability_grade, severe_mental_illness)
                    values (?, ?, ?, ?, ?)
                    on conflict (member_id) do update set household_id = excluded.household_id,
                        joined_on = excluded.joined_on, left_on = null,
                        disability_grade = excluded.disability_grade,
                        severe_mental_illness = excluded.severe_mental_illness""")) {
                for (MemberFacts member : members) {
                    upsert.setObject(1, member.memberId());
                    upsert.setObject(2, household);
                    upsert.setDate(3, Date.valueOf(joinedOn));
                    upsert.setObject(4, member.disabilityGrade(), Types.SMALLINT);
                    upsert.setBoolean(5, member.severeMentalIllness());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
