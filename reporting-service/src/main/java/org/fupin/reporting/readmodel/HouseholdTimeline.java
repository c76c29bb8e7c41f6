package org.fupin.reporting.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one household adds to the counts by status over time, as dated changes: on the day it is
 * registered one more household (and its people) in its first status; on the day its status
 * changes one fewer in the old status and one more in the new; on the day a member joins or leaves
 * one person more or fewer in the status of that day. Summing a household's changes up to a date
 * gives what it counts on that date, which is exactly what the as-of reports need.
 *
 * <p>A status entry counts from its effective date; of several entries on one date the last
 * recorded wins. A member counts from the day they joined until the day before they left.
 * Nothing counts before the first status entry.
 */
public final class HouseholdTimeline {

    /** One entry of the status history; {@code seq} orders entries of the same date. */
    public record StatusEntry(LocalDate effectiveDate, long seq, String status) {
    }

    /** A member's time in the household; {@code leftOn} is null while they belong to it. */
    public record Membership(LocalDate joinedOn, LocalDate leftOn) {
    }

    /** From {@code day} on, {@code households} and {@code people} more (or fewer) in {@code status}. */
    public record Change(LocalDate day, String status, int households, int people) {
        public Tally tally() {
            return new Tally(households, people);
        }
    }

    private HouseholdTimeline() {
    }

    public static List<Change> changes(List<StatusEntry> history, List<Membership> members) {
        if (history.isEmpty()) {
            return List.of();
        }
        TreeMap<LocalDate, String> statusFrom = new TreeMap<>();
        history.stream()
                .sorted(Comparator.comparing(StatusEntry::effectiveDate).thenComparingLong(StatusEntry::seq))
                .forEach(entry -> statusFrom.put(entry.effectiveDate(), entry.status()));
        LocalDate first = statusFrom.firstKey();

        TreeSet<LocalDate> turns = new TreeSet<>(statusFrom.keySet());
        for (Membership member : members) {
            turns.add(max(member.joinedOn(), first));
            if (member.leftOn() != null) {
                turns.add(max(member.leftOn(), first));
            }
        }

        Map<Key, Tally> sums = new TreeMap<>();
        String status = null;
        int people = 0;
        for (LocalDate day : turns) {
            String nowStatus = statusFrom.floorEntry(day).getValue();
            int nowPeople = peopleOn(day, members);
            if (!nowStatus.equals(status)) {
                if (status != null) {
                    add(sums, day, status, -1, -people);
                }
                add(sums, day, nowStatus, 1, nowPeople);
            } else if (nowPeople != people) {
                add(sums, day, nowStatus, 0, nowPeople - people);
            }
            status = nowStatus;
            people = nowPeople;
        }
        List<Change> changes = new ArrayList<>();
        sums.forEach((key, sum) -> {
            if (!sum.isZero()) {
                changes.add(new Change(key.day(), key.status(), (int) sum.households(), (int) sum.people()));
            }
        });
        return changes;
    }

    private static int peopleOn(LocalDate day, List<Membership> members) {
        int count = 0;
        for (Membership member : members) {
            if (!member.joinedOn().isAfter(day) && (member.leftOn() == null || member.leftOn().isAfter(day))) {
                count++;
            }
        }
        return count;
    }

    private static void add(Map<Key, Tally> sums, LocalDate day, String status, int households, int people) {
        sums.merge(new Key(day, status), new Tally(households, people), Tally::plus);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private record Key(LocalDate day, String status) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : Objects.compare(status, other.status, Comparator.naturalOrder());
        }
    }
}
