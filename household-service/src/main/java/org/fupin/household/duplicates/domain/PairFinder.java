package org.fupin.household.duplicates.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pairs among people whose names read alike (one pinyin key) that {@link DuplicateRules} may call one person,
 * without comparing every pair: people are bucketed by birth date, and by their first 17 ID digits with one digit
 * left out (two bodies one digit apart share such a key) or two neighbours swapped. A group of n people costs about
 * 33 n map operations, so the most common name of a county (a few thousand 王伟) is no worse than the rest.
 */
public final class PairFinder {

    /** One of the people: its place in the group, birth date and ID number. */
    public record Entry(int index, LocalDate birthDate, String idNumber) {
    }

    private static final int BODY = 17;
    /** 10^16: a body without one digit is below it, so the position tags the key above it. */
    private static final long POSITION_TAG = 10_000_000_000_000_000L;
    /** 10^0 to 10^17, looked up some thirty times per person of a scan. */
    private static final long[] POWERS_OF_TEN = java.util.stream.LongStream.iterate(1, p -> p * 10).limit(BODY + 1).toArray();

    private PairFinder() {
    }

    /** Pairs {@code (i, j)} with {@code i < j} worth asking the rules about, encoded {@code i * size + j}. */
    public static Set<Long> pairs(List<Entry> group) {
        int size = group.size();
        Set<Long> pairs = new LinkedHashSet<>();
        if (size < 2) {
            return pairs;
        }
        Map<LocalDate, List<Integer>> byBirthDate = new HashMap<>();
        Map<Long, List<Integer>> byKey = new HashMap<>();
        Map<Long, Integer> byBody = new HashMap<>();
        long[] bodies = new long[size];
        for (Entry entry : group) {
            if (entry.birthDate() != null) {
                byBirthDate.computeIfAbsent(entry.birthDate(), d -> new ArrayList<>(2)).add(entry.index());
            }
            long body = digits(entry.idNumber());
            bodies[entry.index()] = body;
            if (body < 0) {
                continue;
            }
            byBody.put(body, entry.index());
            for (int position = 0; position < BODY; position++) {
                byKey.computeIfAbsent(withoutDigit(body, position), k -> new ArrayList<>(2)).add(entry.index());
            }
        }
        byBirthDate.values().forEach(members -> addPairs(members, size, pairs));
        byKey.values().forEach(members -> addPairs(members, size, pairs));
        for (Entry entry : group) {
            long body = bodies[entry.index()];
            if (body < 0) {
                continue;
            }
            for (int position = 0; position + 1 < BODY; position++) {
                Integer other = byBody.get(swapped(body, position));
                if (other != null && other != entry.index()) {
                    pairs.add(pair(entry.index(), other, size));
                }
            }
        }
        return pairs;
    }

    private static void addPairs(List<Integer> members, int size, Set<Long> pairs) {
        for (int a = 0; a < members.size(); a++) {
            for (int b = a + 1; b < members.size(); b++) {
                pairs.add(pair(members.get(a), members.get(b), size));
            }
        }
    }

    private static long pair(int a, int b, int size) {
        return a < b ? (long) a * size + b : (long) b * size + a;
    }

    /** The first 17 characters as a number, or -1 when they are not all digits. */
    static long digits(String idNumber) {
        if (idNumber == null || idNumber.length() < BODY) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < BODY; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The body with the digit at {@code position} (0 = leftmost) taken out, tagged with the position. */
    static long withoutDigit(long body, int position) {
        long below = pow10(BODY - 1 - position);
        long high = body / (below * 10);
        long low = body % below;
        return position * POSITION_TAG + high * below + low;
    }

    /** The body with the digits at {@code position} and {@code position + 1} exchanged. */
    static long swapped(long body, int position) {
        long right = pow10(BODY - 2 - position);
        long left = right * 10;
        long a = body / left % 10;
        long b = body / right % 10;
        return body - a * left - b * right + b * left + a * right;
    }

    private static long pow10(int exponent) {
        return POWERS_OF_TEN[exponent];
    }
}
