package org.fupin.reporting.readmodel;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.hibernate.Session;

/**
 * Keeps the precomputed counts by village, status and day in step with the facts of a household:
 * after any change to a household it computes the household's {@link HouseholdTimeline} again and
 * applies only the difference to what it contributed before, so that late, backdated and
 * redelivered events all leave the sums exact. The village sums are written once per transaction,
 * as it commits (a synchronization of the transaction, whichever consumer, replay or fallback runs
 * it), so that a batch of events touches each village row once instead of once per event.
 */
@ApplicationScoped
public class StatusCounts {

    private static final Object PENDING = StatusCounts.class.getName() + ".pending";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public StatusCounts(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Brings the counts up to date with what the read model now knows of the household. */
    public void recount(UUID household) {
        Facts facts = facts(household);
        Map<Key, Tally> difference = new TreeMap<>();
        facts.contributed().forEach((key, sum) -> difference.merge(key, sum.negated(), Tally::plus));
        List<HouseholdTimeline.Change> changes = facts.village() == null ? List.of()
                : HouseholdTimeline.changes(facts.history(), facts.members());
        for (HouseholdTimeline.Change change : changes) {
            difference.merge(new Key(facts.village(), change.day(), change.status()), change.tally(), Tally::plus);
        }
        difference.values().removeIf(Tally::isZero);
        if (difference.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!facts.contributed().isEmpty()) {
                try (PreparedStatement forget = connection.prepareStatement("delete from household_contribution where household_id = ?")) {
                    forget.setObject(1, household);
                    forget.executeUpdate();
                }
            }
            try (PreparedStatement remember = connection.prepareStatement("""
                    insert into household_contribution (household_id, village_code, day, status, households, people)
                    values (?, ?, ?, ?, ?, ?)""")) {
                for (HouseholdTimeline.Change change : changes) {
                    remember.setObject(1, household);
                    remember.setString(2, facts.village());
                    remember.setDate(3, Date.valueOf(change.day()));
                    remember.setString(4, change.status());
                    remember.setInt(5, change.households());
                    remember.setInt(6, change.people());
                    remember.addBatch();
                }
                remember.executeBatch();
            }
        });
        Map<Key, Tally> pending = pendingInThisTransaction();
        difference.forEach((key, sum) -> pending.merge(key, sum, Tally::plus));
    }

    /** What the read model knows of a household and what it contributed so far, read at once. */
    private record Facts(String village, List<HouseholdTimeline.StatusEntry> history, List<HouseholdTimeline.Membership> members,
            Map<Key, Tally> contributed) {
    }

    private Facts facts(UUID household) {
        String village = null;
        List<HouseholdTimeline.StatusEntry> history = new ArrayList<>();
        List<HouseholdTimeline.Membership> members = new ArrayList<>();
        Map<Key, Tally> contributed = new TreeMap<>();
        // One round trip instead of four: this runs for every event about a household. Each part
        // fills the columns it has and leaves the others null.
        List<Row> rows = Rows.list(entityManager.createNativeQuery("""
                select 'FACT' as part, village_code, null::date as day, null::date as left_on, null::text as status,
                       null::bigint as seq, null::bigint as households, null::bigint as people
                from household_fact where household_id = :id
                union all
                select 'HISTORY', null, effective_date, null, to_status, seq, null, null
                from household_status_history where household_id = :id
                union all
                select 'MEMBER', null, joined_on, left_on, null, null, null, null from member_fact where household_id = :id
                union all
                select 'CONTRIBUTION', village_code, day, null, status, null, households, people
                from household_contribution where household_id = :id""")
                .setParameter("id", household), row -> row);
        for (Row row : rows) {
            switch (row.text("part")) {
                case "FACT" -> village = row.text("village_code");
                case "HISTORY" -> history.add(new HouseholdTimeline.StatusEntry(row.date("day"), row.count("seq"), row.text("status")));
                case "MEMBER" -> members.add(new HouseholdTimeline.Membership(row.date("day"), row.dateOrNull("left_on")));
                default -> contributed.put(new Key(row.text("village_code"), row.date("day"), row.text("status")),
                        new Tally(row.count("households"), row.count("people")));
            }
        }
        return new Facts(village, history, members, contributed);
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Tally> pendingInThisTransaction() {
        Map<Key, Tally> pending = (Map<Key, Tally>) transactions.getResource(PENDING);
        if (pending == null) {
            Map<Key, Tally> fresh = new TreeMap<>();
            transactions.putResource(PENDING, fresh);
            // Interposed: after the persistence context has flushed, just before the commit.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing to undo: the sums were written in the transaction itself.
                }
            });
            pending = fresh;
        }
        return pending;
    }

    /**
     * Writes the differences to the village sums that this transaction collected, in one order of
     * keys: two consumers committing at the same time never wait for each other in opposite orders.
     */
    private void write(Map<Key, Tally> difference) {
        difference.values().removeIf(Tally::isZero);
        if (difference.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement byDay = connection.prepareStatement("""
                    insert into village_status_change (village_code, day, status, households, people) values (?, ?, ?, ?, ?)
                    on conflict (village_code, status, day) do update
                    set households = village_status_change.households + excluded.households,
                        people = village_status_change.people + excluded.people""");
                    PreparedStatement total = connection.prepareStatement("""
                            insert into village_status_total (village_code, status, households, people) values (?, ?, ?, ?)
                            on conflict (village_code, status) do update
                            set households = village_status_total.households + excluded.households,
                                people = village_status_total.people + excluded.people""")) {
                Map<VillageStatus, Tally> totals = new TreeMap<>();
                for (Map.Entry<Key, Tally> entry : difference.entrySet()) {
                    Key key = entry.getKey();
                    Tally sum = entry.getValue();
                    byDay.setString(1, key.village());
                    byDay.setDate(2, Date.valueOf(key.day()));
                    byDay.setString(3, key.status());
                    byDay.setLong(4, sum.households());
                    byDay.setLong(5, sum.people());
                    byDay.addBatch();
                    totals.merge(new VillageStatus(key.village(), key.status()), sum, Tally::plus);
                }
                byDay.executeBatch();
                for (Map.Entry<VillageStatus, Tally> entry : totals.entrySet()) {
                    total.setString(1, entry.getKey().village());
                    total.setString(2, entry.getKey().status());
                    total.setLong(3, entry.getValue().households());
                    total.setLong(4, entry.getValue().people());
                    total.addBatch();
                }
                total.executeBatch();
            }
        });
    }


    /** A row of the running totals, in the order of the dated rows' keys. */
    private record VillageStatus(String village, String status) implements Comparable<VillageStatus> {
        @Override
        public int compareTo(VillageStatus other) {
            int c = village.compareTo(other.village);
            return c != 0 ? c : status.compareTo(other.status);
        }
    }

    private record Key(String village, LocalDate day, String status) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int c = village.compareTo(other.village);
            if (c == 0) {
                c = status.compareTo(other.status);
            }
            return c != 0 ? c : day.compareTo(other.day);
        }
    }
}
