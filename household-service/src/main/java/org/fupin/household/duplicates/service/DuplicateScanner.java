package org.fupin.household.duplicates.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.duplicates.domain.DuplicateReason;
import org.fupin.household.duplicates.domain.DuplicateRules;
import org.fupin.household.duplicates.domain.PairFinder;
import org.fupin.household.duplicates.domain.Person;
import org.fupin.household.registry.domain.NameSearch;

import io.agroal.api.AgroalDataSource;

/**
 * Finds the duplicates already in the register of a region (a county of 500,000 households in minutes; the
 * benchmark prints the time): every rule needs names that read alike, so the current members are read once, in
 * the order of their pinyin key, and each group of one key goes through {@link PairFinder} and the rules. New
 * pairs join the review queue as OPEN; a pair already decided stays as decided.
 */
@ApplicationScoped
public class DuplicateScanner {

    /** What a scan read and found. */
    public record Outcome(int membersRead, int namesRead, int pairsFound, int pairsNew) {
    }

    private static final int BATCH = 1_000;
    private static final int FETCH = 5_000;

    private final AgroalDataSource dataSource;

    public DuplicateScanner(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private record Member(UUID id, UUID householdId, String village, String name, String idNumber, LocalDate birthDate) {
    }

    private record Pair(Member a, Member b, Set<DuplicateReason> reasons) {
    }

    public Outcome scan(String region, BooleanSupplier stopping) throws SQLException {
        fillMissingPinyin(stopping);
        int members = 0;
        int names = 0;
        int found = 0;
        int added = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Pair> pending = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement("""
                    select m.id, m.household_id, h.village_code, m.name, m.id_number, m.birth_date, m.name_pinyin
                    from household_member m join household h on h.id = m.household_id
                    where m.removed_reason is null and h.village_code like ? and m.name_pinyin is not null
                    order by m.name_pinyin""")) {
                read.setFetchSize(FETCH);
                read.setString(1, region + "%");
                try (ResultSet rows = read.executeQuery()) {
                    List<Member> group = new ArrayList<>();
                    String key = null;
                    while (rows.next()) {
                        String pinyin = rows.getString(7);
                        if (!pinyin.equals(key)) {
                            found += pairs(group, pending);
                            group.clear();
                            key = pinyin;
                            names++;
                            if (stopping.getAsBoolean()) {
                                throw new IllegalStateException("the service is stopping");
                            }
                        }
                        group.add(new Member(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getObject(6, LocalDate.class)));
                        members++;
                        if (pending.size() >= BATCH) {
                            added += store(pending);
                            pending.clear();
                        }
                    }
                    found += pairs(group, pending);
                }
            }
            added += store(pending);
            connection.commit();
        }
        return new Outcome(members, names, found, added);
    }

    /** The pairs of one group of names that read alike; returns how many. */
    private static int pairs(List<Member> group, List<Pair> pending) {
        if (group.size() < 2) {
            return 0;
        }
        List<PairFinder.Entry> entries = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            entries.add(new PairFinder.Entry(i, group.get(i).birthDate(), group.get(i).idNumber()));
        }
        Person[] people = new Person[group.size()];
        int count = 0;
        for (long encoded : PairFinder.pairs(entries)) {
            int i = (int) (encoded / group.size());
            int j = (int) (encoded % group.size());
            Set<DuplicateReason> reasons = DuplicateRules.between(person(group, people, i), person(group, people, j));
            if (!reasons.isEmpty()) {
                pending.add(new Pair(group.get(i), group.get(j), reasons));
                count++;
            }
        }
        return count;
    }

    private static Person person(List<Member> group, Person[] people, int index) {
        if (people[index] == null) {
            Member m = group.get(index);
            people[index] = Person.of(m.name(), m.idNumber(), m.birthDate());
        }
        return people[index];
    }

    /** Adds the pairs to the review queue (new ones OPEN; an open one gets today's reasons; a decided one is kept). */
    private int store(List<Pair> pairs) throws SQLException {
        if (pairs.isEmpty()) {
            return 0;
        }
        // Each pair is ordered in SQL (member_a < member_b as PostgreSQL compares uuids, not as java.util.UUID does).
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int added;
            try (PreparedStatement insert = connection.prepareStatement("""
                    with pair as (
                        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                            as p(x, y, hx, hy, vx, vy, reasons))
                    insert into duplicate_candidate (id, member_a, member_b, household_a, household_b, village_a, village_b, reasons,
                                                     found_at, found_by, status)
                    select gen_random_uuid(),
                           case when x < y then x else y end, case when x < y then y else x end,
                           case when x < y then hx else hy end, case when x < y then hy else hx end,
                           case when x < y then vx else vy end, case when x < y then vy else vx end,
                           string_to_array(reasons, ','), ?, 'scan', 'OPEN'
                    from pair
                    on conflict (member_a, member_b) do update set reasons = excluded.reasons
                        where duplicate_candidate.status = 'OPEN'
                    returning (xmax = 0) as inserted""")) {
                insert.setArray(1, array(connection, "uuid", pairs.stream().map(p -> p.a().id()).toArray()));
                insert.setArray(2, array(connection, "uuid", pairs.stream().map(p -> p.b().id()).toArray()));
                insert.setArray(3, array(connection, "uuid", pairs.stream().map(p -> p.a().householdId()).toArray()));
                insert.setArray(4, array(connection, "uuid", pairs.stream().map(p -> p.b().householdId()).toArray()));
                insert.setArray(5, array(connection, "text", pairs.stream().map(p -> p.a().village()).toArray()));
                insert.setArray(6, array(connection, "text", pairs.stream().map(p -> p.b().village()).toArray()));
                insert.setArray(7, array(connection, "text", pairs.stream()
                        .map(p -> String.join(",", p.reasons().stream().map(Enum::name).toList())).toArray()));
                insert.setTimestamp(8, Timestamp.from(Instant.now()));
                added = 0;
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        if (inserted.getBoolean(1)) {
                            added++;
                        }
                    }
                }
            }
            connection.commit();
            return added;
        }
    }

    /**
     * Members stored before the pinyin key existed (migration V12) get theirs, a batch at a time, and their search form
     * again: migration V4 gave the rows before it {@code lower(name)}, not the simplified script search compares, so a
     * traditional-script name of those rows was missed by a search in simplified script.
     */
    private void fillMissingPinyin(BooleanSupplier stopping) throws SQLException {
        while (!stopping.getAsBoolean()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<UUID> ids = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                List<String> searchForms = new ArrayList<>();
                try (PreparedStatement read = connection.prepareStatement(
                        "select id, name from household_member where name_pinyin is null limit " + FETCH);
                        ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                        keys.add(Person.pinyinOf(rows.getString(2)));
                        searchForms.add(NameSearch.normalize(rows.getString(2)));
                    }
                }
                if (ids.isEmpty()) {
                    return;
                }
                try (PreparedStatement update = connection.prepareStatement("""
                        update household_member m set name_pinyin = k.pinyin, name_search = k.search
                        from unnest(?::uuid[], ?::text[], ?::text[]) as k(id, pinyin, search) where m.id = k.id""")) {
                    update.setArray(1, array(connection, "uuid", ids.toArray()));
                    update.setArray(2, array(connection, "text", keys.toArray()));
                    update.setArray(3, array(connection, "text", searchForms.toArray()));
                    update.executeUpdate();
                }
                connection.commit();
            }
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
