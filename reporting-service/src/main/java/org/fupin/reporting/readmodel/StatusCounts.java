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
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

/**
 * Keeps the precomputed counts by village, status and day in step with the facts of a household:
 * after any change to a household it computes the household's {@link HouseholdTimeline} again and
 * applies only the difference to what it contributed before, so that late, backdated and
 * redelivered events all leave the sums exact. The village sums are written once per transaction,
 * just before it commits.
 */
@ApplicationScoped
public class StatusCounts {

    private static final Object PENDING = StatusCounts.class.getName() + ".pending";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final TransactionManager transactionManager;

    public StatusCounts(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            TransactionManager transactionManager) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.transactionManager = transactionManager;
    }

    /** Brings the counts up to date with what the read model now knows of the household. */
    public void recount(UUID household) {
        Facts facts = facts(household);
        Map<Key, int[]> difference = new TreeMap<>();
        facts.contributed().forEach((key, sum) -> add(difference, key, -sum[0], -sum[1]));
        List<HouseholdTimeline.Change> changes = facts.village() == null ? List.of()
                : HouseholdTimeline.changes(facts.history(), facts.members());
        for (HouseholdTimeline.Change change : changes) {
            add(difference, new Key(facts.village(), change.day(), change.status()), change.households(), change.people());
        }
        difference.values().removeIf(sum -> sum[0] == 0 && sum[1] == 0);
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
        Map<Key, int[]> pending = pendingInThisTransaction();
        difference.forEach((key, sum) -> add(pending, key, sum[0], sum[1]));
    }

    /** What the read model knows of a household and what it contributed so far, read at once. */
    private record Facts(String village, List<HouseholdTimeline.StatusEntry> history, List<HouseholdTimeline.Membership> members,
            Map<Key, int[]> contributed) {
    }

    private Facts facts(UUID household) {
        String village = null;
        List<HouseholdTimeline.StatusEntry> history = new ArrayList<>();
        List<HouseholdTimeline.Membership> members = new ArrayList<>();
        Map<Key, int[]> contributed = new TreeMap<>();
        // One round trip instead of four: this runs for every event about a household.
        for (Object row : entityManager.createNativeQuery("""
                select 'F', village_code, null::date, null::date, null::text, null::bigint, null::bigint
                from household_fact where household_id = :id
                union all
                select 'H', null, effective_date, null, to_status, seq, null from household_status_history where household_id = :id
                union all
                select 'M', null, joined_on, left_on, null, null, null from member_fact where household_id = :id
                union all
                select 'C', village_code, day, null, status, households, people from household_contribution where household_id = :id""")
                .setParameter("id", household).getResultList()) {
            Object[] c = (Object[]) row;
            switch ((String) c[0]) {
                case "F" -> village = (String) c[1];
                case "H" -> history.add(new HouseholdTimeline.StatusEntry(toDate(c[2]), ((Number) c[5]).longValue(), (String) c[4]));
                case "M" -> members.add(new HouseholdTimeline.Membership(toDate(c[2]), c[3] == null ? null : toDate(c[3])));
                default -> contributed.put(new Key((String) c[1], toDate(c[2]), (String) c[4]),
                        new int[] { ((Number) c[5]).intValue(), ((Number) c[6]).intValue() });
            }
        }
        return new Facts(village, history, members, contributed);
    }

    /**
     * Writes the differences to the village sums that this transaction has collected, in one order
     * of keys: a batch of events touches each village row once instead of once per event, and two
     * consumers committing at the same time never wait for each other in opposite orders. The
     * consumers call it last in each transaction; should a caller forget, the transaction writes
     * them itself just before it commits, so a difference is never lost.
     */
    public void flush() {
        @SuppressWarnings("unchecked")
        Map<Key, int[]> pending = (Map<Key, int[]>) transactions.getResource(PENDING);
        if (pending != null) {
            write(pending);
            pending.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Key, int[]> pendingInThisTransaction() {
        Map<Key, int[]> pending = (Map<Key, int[]>) transactions.getResource(PENDING);
        if (pending == null) {
            Map<Key, int[]> fresh = new TreeMap<>();
            transactions.putResource(PENDING, fresh);
            register(new Synchronization() {
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

    private void register(Synchronization synchronization) {
        try {
            transactionManager.getTransaction().registerSynchronization(synchronization);
        } catch (jakarta.transaction.RollbackException | jakarta.transaction.SystemException e) {
            throw new IllegalStateException("Cannot write the village sums with this transaction", e);
        }
    }

    private void write(Map<Key, int[]> difference) {
        difference.values().removeIf(sum -> sum[0] == 0 && sum[1] == 0);
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
                Map<VillageStatus, int[]> totals = new TreeMap<>();
                for (Map.Entry<Key, int[]> entry : difference.entrySet()) {
                    Key key = entry.getKey();
                    byDay.setString(1, key.village());
                    byDay.setDate(2, Date.valueOf(key.day()));
                    byDay.setString(3, key.status());
                    byDay.setLong(4, entry.getValue()[0]);
                    byDay.setLong(5, entry.getValue()[1]);
                    byDay.addBatch();
                    int[] sum = totals.computeIfAbsent(new VillageStatus(key.village(), key.status()), k -> new int[2]);
                    sum[0] += entry.getValue()[0];
                    sum[1] += entry.getValue()[1];
                }
                byDay.executeBatch();
                for (Map.Entry<VillageStatus, int[]> entry : totals.entrySet()) {
                    total.setString(1, entry.getKey().village());
                    total.setString(2, entry.getKey().status());
                    total.setLong(3, entry.getValue()[0]);
                    total.setLong(4, entry.getValue()[1]);
                    total.addBatch();
                }
                total.executeBatch();
            }
        });
    }

    private static void add(Map<Key, int[]> sums, Key key, int households, int people) {
        int[] sum = sums.computeIfAbsent(key, k -> new int[2]);
        sum[0] += households;
        sum[1] += people;
    }

    public static LocalDate toDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
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
