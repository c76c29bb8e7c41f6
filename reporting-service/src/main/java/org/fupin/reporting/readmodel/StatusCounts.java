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

import org.hibernate.Session;

/**
 * Keeps the precomputed counts by village, status and day in step with the facts of a household:
 * after any change to a household it computes the household's {@link HouseholdTimeline} again and
 * applies only the difference to what it contributed before, so that late, backdated and
 * redelivered events all leave the sums exact.
 */
@ApplicationScoped
public class StatusCounts {

    private final EntityManager entityManager;

    public StatusCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Brings the counts up to date with what the read model now knows of the household. */
    public void recount(UUID household) {
        Map<Key, int[]> difference = new TreeMap<>();
        for (Object row : entityManager.createNativeQuery("""
                select village_code, day, status, households, people from household_contribution where household_id = :id""")
                .setParameter("id", household).getResultList()) {
            Object[] c = (Object[]) row;
            add(difference, new Key((String) c[0], toDate(c[1]), (String) c[2]), -((Number) c[3]).intValue(),
                    -((Number) c[4]).intValue());
        }
        List<?> village = entityManager.createNativeQuery("select village_code from household_fact where household_id = :id")
                .setParameter("id", household).getResultList();
        List<HouseholdTimeline.Change> changes = village.isEmpty() ? List.of() : HouseholdTimeline.changes(history(household),
                members(household));
        for (HouseholdTimeline.Change change : changes) {
            add(difference, new Key((String) village.get(0), change.day(), change.status()), change.households(), change.people());
        }
        difference.values().removeIf(sum -> sum[0] == 0 && sum[1] == 0);
        if (difference.isEmpty()) {
            return;
        }
        // Keys in one order for every transaction, so that concurrent consumers never deadlock on village rows.
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
                                people = village_status_total.people + excluded.people""");
                    PreparedStatement forget = connection.prepareStatement(
                            "delete from household_contribution where household_id = ?");
                    PreparedStatement remember = connection.prepareStatement("""
                            insert into household_contribution (household_id, village_code, day, status, households, people)
                            values (?, ?, ?, ?, ?, ?)""")) {
                Map<String, int[]> totals = new TreeMap<>();
                for (Map.Entry<Key, int[]> entry : difference.entrySet()) {
                    Key key = entry.getKey();
                    byDay.setString(1, key.village());
                    byDay.setDate(2, Date.valueOf(key.day()));
                    byDay.setString(3, key.status());
                    byDay.setLong(4, entry.getValue()[0]);
                    byDay.setLong(5, entry.getValue()[1]);
                    byDay.addBatch();
                    int[] sum = totals.computeIfAbsent(key.village() + '\t' + key.status(), k -> new int[2]);
                    sum[0] += entry.getValue()[0];
                    sum[1] += entry.getValue()[1];
                }
                byDay.executeBatch();
                for (Map.Entry<String, int[]> entry : totals.entrySet()) {
                    String[] villageAndStatus = entry.getKey().split("\t");
                    total.setString(1, villageAndStatus[0]);
                    total.setString(2, villageAndStatus[1]);
                    total.setLong(3, entry.getValue()[0]);
                    total.setLong(4, entry.getValue()[1]);
                    total.addBatch();
                }
                total.executeBatch();
                forget.setObject(1, household);
                forget.executeUpdate();
                for (HouseholdTimeline.Change change : changes) {
                    remember.setObject(1, household);
                    remember.setString(2, (String) village.get(0));
                    remember.setDate(3, Date.valueOf(change.day()));
                    remember.setString(4, change.status());
                    remember.setInt(5, change.households());
                    remember.setInt(6, change.people());
                    remember.addBatch();
                }
                remember.executeBatch();
            }
        });
    }

    private List<HouseholdTimeline.StatusEntry> history(UUID household) {
        List<HouseholdTimeline.StatusEntry> entries = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select effective_date, seq, to_status from household_status_history where household_id = :id""")
                .setParameter("id", household).getResultList()) {
            Object[] c = (Object[]) row;
            entries.add(new HouseholdTimeline.StatusEntry(toDate(c[0]), ((Number) c[1]).longValue(), (String) c[2]));
        }
        return entries;
    }

    private List<HouseholdTimeline.Membership> members(UUID household) {
        List<HouseholdTimeline.Membership> members = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("select joined_on, left_on from member_fact where household_id = :id")
                .setParameter("id", household).getResultList()) {
            Object[] c = (Object[]) row;
            members.add(new HouseholdTimeline.Membership(toDate(c[0]), c[1] == null ? null : toDate(c[1])));
        }
        return members;
    }

    private static void add(Map<Key, int[]> sums, Key key, int households, int people) {
        int[] sum = sums.computeIfAbsent(key, k -> new int[2]);
        sum[0] += households;
        sum[1] += people;
    }

    public static LocalDate toDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
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
