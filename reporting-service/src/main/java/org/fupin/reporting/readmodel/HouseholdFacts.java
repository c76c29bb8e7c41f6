package org.fupin.reporting.readmodel;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.RegionUpserted;
import org.hibernate.Session;

/**
 * The facts that household events write, collected for a whole transaction (a poll's worth of
 * events) and written as sets: one statement per table for the batch instead of several per event,
 * then the counts of every household the batch touched recomputed once. A statement per event was
 * what held the read model to about a thousand events a second.
 *
 * <p>Writing by table instead of by event gives the same rows because every write here is either
 * an insert of a new fact, kept in the events' order, or an absolute assignment, of which the last
 * one wins; a member's own writes are folded into one ({@link MemberWrite}). The other projections
 * write other tables and read none of these, so their statements need not wait for these.
 */
@ApplicationScoped
public class HouseholdFacts {

    private static final Object PENDING = HouseholdFacts.class.getName() + ".pending";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final StatusCounts counts;

    public HouseholdFacts(EntityManager entityManager, TransactionSynchronizationRegistry transactions, StatusCounts counts) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.counts = counts;
    }

    record Household(UUID id, String village, String category, String status, LocalDate registeredOn) {
        Household withStatus(String latest) {
            return new Household(id, village, category, latest, registeredOn);
        }
    }

    record Place(String village, String category) {
    }

    record StatusEntry(UUID household, LocalDate effectiveDate, String from, String to, String action, String riskType) {
    }

    record Assessment(UUID id, UUID household, LocalDate assessedOn, List<String> failingDimensions) {
    }

    public void region(RegionUpserted region) {
        pending().regions.put(region.code(), region);
    }

    public void registered(Household household) {
        pending().households.putIfAbsent(household.id(), household);
        touched(household.id());
    }

    public void placed(UUID household, Place place) {
        pending().places.put(household, place);
        touched(household);
    }

    public void status(UUID household, String status) {
        Pending pending = pending();
        pending.statuses.put(household, status);
        // Registered earlier in this batch: the row is inserted with its latest status, and updated only if it existed.
        pending.households.computeIfPresent(household, (id, registered) -> registered.withStatus(status));
        touched(household);
    }

    public void history(StatusEntry entry) {
        pending().history.add(entry);
        touched(entry.household());
    }

    public void memberJoined(UUID household, MemberFacts member, LocalDate joinedOn) {
        pending().members.computeIfAbsent(member.memberId(), MemberWrite::new).joined(household, joinedOn, member);
        touched(household);
    }

    public void memberHealth(UUID member, Integer disabilityGrade, boolean severeMentalIllness) {
        pending().members.computeIfAbsent(member, MemberWrite::new).health(disabilityGrade, severeMentalIllness);
    }

    public void memberLeft(UUID household, UUID member, LocalDate leftOn) {
        pending().members.computeIfAbsent(member, MemberWrite::new).left(leftOn);
        touched(household);
    }

    /** A removal withdrawn: the member counts again on every day since it joined. */
    public void memberRestored(UUID household, UUID member) {
        pending().members.computeIfAbsent(member, MemberWrite::new).left(null);
        touched(household);
    }

    public void assessed(Assessment assessment) {
        pending().assessments.putIfAbsent(assessment.id(), assessment);
    }

    private void touched(UUID household) {
        pending().touched.add(household);
    }

    /**
     * Writes what this transaction collected so far. The consumers call it once their batch is
     * dispatched, while the transaction is theirs to use; a commit with facts still unwritten (a
     * caller that dispatched without the consumer) writes them as it begins.
     */
    public void flush() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(pending::write);
        counts.recount(pending.touched);
        pending.clear();
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            Pending fresh = new Pending();
            transactions.putResource(PENDING, fresh);
            // The backstop; interposed: after the persistence context has flushed, just before the commit.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    flush();
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing to undo: the facts were written in the transaction itself.
                }
            });
            pending = fresh;
        }
        return pending;
    }

    /**
     * What one batch does to one member, folded: joining writes the whole row, and what follows in
     * the batch changes that row; without a join in the batch only the changed columns are updated.
     */
    private static final class MemberWrite {
        final UUID member;
        UUID household;
        LocalDate joinedOn;
        boolean joined;
        boolean healthChanged;
        Integer disabilityGrade;
        boolean severeMentalIllness;
        boolean leftChanged;
        LocalDate leftOn;

        MemberWrite(UUID member) {
            this.member = member;
        }

        void joined(UUID household, LocalDate joinedOn, MemberFacts facts) {
            this.household = household;
            this.joinedOn = joinedOn;
            this.joined = true;
            this.healthChanged = true;
            this.disabilityGrade = facts.disabilityGrade();
            this.severeMentalIllness = facts.severeMentalIllness();
            this.leftChanged = true;
            this.leftOn = null;
        }

        void health(Integer grade, boolean mental) {
            healthChanged = true;
            disabilityGrade = grade;
            severeMentalIllness = mental;
        }

        void left(LocalDate on) {
            leftChanged = true;
            leftOn = on;
        }
    }

    /** The writes of one transaction, in the order they are made: facts first, then what depends on them. */
    private static final class Pending {
        final Map<String, RegionUpserted> regions = new LinkedHashMap<>();
        final Map<UUID, Household> households = new LinkedHashMap<>();
        final Map<UUID, Place> places = new LinkedHashMap<>();
        final Map<UUID, String> statuses = new LinkedHashMap<>();
        final List<StatusEntry> history = new ArrayList<>();
        final Map<UUID, MemberWrite> members = new LinkedHashMap<>();
        final Map<UUID, Assessment> assessments = new LinkedHashMap<>();
        final Set<UUID> touched = new LinkedHashSet<>();

        boolean isEmpty() {
            return regions.isEmpty() && households.isEmpty() && places.isEmpty() && statuses.isEmpty() && history.isEmpty()
                    && members.isEmpty() && assessments.isEmpty() && touched.isEmpty();
        }

        void clear() {
            regions.clear();
            households.clear();
            places.clear();
            statuses.clear();
            history.clear();
            members.clear();
            assessments.clear();
            touched.clear();
        }

        void write(Connection connection) throws SQLException {
            Columns.of(regions.values())
                    .column("varchar", RegionUpserted::code).column("text", RegionUpserted::name).column("text", RegionUpserted::level)
                    .column("varchar", RegionUpserted::parentCode).column("int4", RegionUpserted::ruralPopulation)
                    .column("bool", RegionUpserted::poorVillage).column("bool", RegionUpserted::deepPoverty)
                    .execute(connection, """
                            insert into region_fact (code, name, level, parent_code, rural_population, poor_village, deep_poverty)
                            select * from unnest(?::varchar[], ?::text[], ?::text[], ?::varchar[], ?::int[], ?::bool[], ?::bool[])
                            on conflict (code) do update set name = excluded.name, level = excluded.level,
                                parent_code = excluded.parent_code, rural_population = excluded.rural_population,
                                poor_village = excluded.poor_village, deep_poverty = excluded.deep_poverty""");
            Set<UUID> inserted = Columns.of(households.values())
                    .column("uuid", Household::id).column("varchar", Household::village).column("text", Household::category)
                    .column("text", Household::status).column("date", household -> Date.valueOf(household.registeredOn()))
                    .returning(connection, """
                            insert into household_fact (household_id, village_code, category, status, registered_on)
                            select * from unnest(?::uuid[], ?::varchar[], ?::text[], ?::text[], ?::date[])
                            on conflict (household_id) do nothing
                            returning household_id""");
            // A household inserted just now already has its latest status (see status()).
            statuses.keySet().removeAll(inserted);
            Columns.of(places.entrySet())
                    .column("uuid", Map.Entry::getKey).column("varchar", entry -> entry.getValue().village())
                    .column("text", entry -> entry.getValue().category())
                    .execute(connection, """
                            update household_fact f set village_code = p.village, category = p.category
                            from unnest(?::uuid[], ?::varchar[], ?::text[]) as p(id, village, category)
                            where f.household_id = p.id""");
            Columns.of(statuses.entrySet())
                    .column("uuid", Map.Entry::getKey).column("text", Map.Entry::getValue)
                    .execute(connection, """
                            update household_fact f set status = s.status
                            from unnest(?::uuid[], ?::text[]) as s(id, status)
                            where f.household_id = s.id""");
            // In the events' order: the sequence numbers order entries of the same day.
            Columns.of(history)
                    .column("uuid", StatusEntry::household).column("date", entry -> Date.valueOf(entry.effectiveDate()))
                    .column("text", StatusEntry::from).column("text", StatusEntry::to).column("text", StatusEntry::action)
                    .column("text", StatusEntry::riskType)
                    .execute(connection, """
                            insert into household_status_history (household_id, effective_date, from_status, to_status, action, risk_type)
                            select household_id, effective_date, from_status, to_status, action, risk_type
                            from unnest(?::uuid[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                                as h(household_id, effective_date, from_status, to_status, action, risk_type, n)
                            order by n""");
            List<MemberWrite> joined = members.values().stream().filter(write -> write.joined).toList();
            Columns.of(joined)
                    .column("uuid", write -> write.member).column("uuid", write -> write.household)
                    .column("date", write -> Date.valueOf(write.joinedOn))
                    .column("date", write -> write.leftOn == null ? null : Date.valueOf(write.leftOn))
                    .column("int2", write -> write.disabilityGrade == null ? null : write.disabilityGrade.shortValue())
                    .column("bool", write -> write.severeMentalIllness)
                    .execute(connection, """
                            insert into member_fact (member_id, household_id, joined_on, left_on, disability_grade, severe_mental_illness)
                            select * from unnest(?::uuid[], ?::uuid[], ?::date[], ?::date[], ?::smallint[], ?::bool[])
                            on conflict (member_id) do update set household_id = excluded.household_id,
                                joined_on = excluded.joined_on, left_on = excluded.left_on,
                                disability_grade = excluded.disability_grade,
                                severe_mental_illness = excluded.severe_mental_illness""");
            Columns.of(members.values().stream().filter(write -> !write.joined && write.healthChanged).toList())
                    .column("uuid", write -> write.member)
                    .column("int2", write -> write.disabilityGrade == null ? null : write.disabilityGrade.shortValue())
                    .column("bool", write -> write.severeMentalIllness)
                    .execute(connection, """
                            update member_fact m set disability_grade = h.grade, severe_mental_illness = h.mental
                            from unnest(?::uuid[], ?::smallint[], ?::bool[]) as h(id, grade, mental)
                            where m.member_id = h.id""");
            Columns.of(members.values().stream().filter(write -> !write.joined && write.leftChanged).toList())
                    .column("uuid", write -> write.member).column("date", write -> write.leftOn == null ? null : Date.valueOf(write.leftOn))
                    .execute(connection, """
                            update member_fact m set left_on = l.left_on
                            from unnest(?::uuid[], ?::date[]) as l(id, left_on)
                            where m.member_id = l.id""");
            Columns.of(assessments.values())
                    .column("uuid", Assessment::id).column("uuid", Assessment::household)
                    .column("date", assessment -> Date.valueOf(assessment.assessedOn()))
                    .column("text", assessment -> "{" + String.join(",", assessment.failingDimensions()) + "}")
                    .execute(connection, """
                            insert into assessment_fact (assessment_id, household_id, assessed_on, failing_dimensions)
                            select id, household, assessed_on, failing::text[]
                            from unnest(?::uuid[], ?::uuid[], ?::date[], ?::text[]) as a(id, household, assessed_on, failing)
                            on conflict (assessment_id) do nothing""");
        }
    }
}
