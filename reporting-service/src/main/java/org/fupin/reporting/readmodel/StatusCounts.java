package org.fupin.reporting.readmodel;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * redelivered events all leave the sums exact. It works on a set of households at once, with a few
 * statements for all of them ({@link HouseholdFacts} calls it once per batch of events), so that a
 * batch touches each village row once instead of once per event.
 */
@ApplicationScoped
public class StatusCounts {

    private final EntityManager entityManager;

    public StatusCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Brings the counts up to date with what the read model now knows of the household. */
    public void recount(UUID household) {
        recount(List.of(household));
    }

    /** Brings the counts up to date with what the read model now knows of these households. */
    public void recount(Collection<UUID> households) {
        if (households.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Map<UUID, Facts> known = facts(connection, households);
            List<UUID> forget = new ArrayList<>();
            List<Contribution> remember = new ArrayList<>();
            Map<Key, Tally> villages = new TreeMap<>();
            for (UUID household : households) {
                Facts facts = known.getOrDefault(household, Facts.NONE);
                Map<Key, Tally> difference = new TreeMap<>();
                facts.contributed().forEach((key, sum) -> difference.merge(key, sum.negated(), Tally::plus));
                List<HouseholdTimeline.Change> changes = facts.village() == null ? List.of()
                        : HouseholdTimeline.changes(facts.history(), facts.members());
                for (HouseholdTimeline.Change change : changes) {
                    difference.merge(new Key(facts.village(), change.day(), change.status()), change.tally(), Tally::plus);
                }
                difference.values().removeIf(Tally::isZero);
                if (difference.isEmpty()) {
                    continue;
                }
                if (!facts.contributed().isEmpty()) {
                    forget.add(household);
                }
                changes.forEach(change -> remember.add(new Contribution(household, facts.village(), change)));
                difference.forEach((key, sum) -> villages.merge(key, sum, Tally::plus));
            }
            if (!forget.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from household_contribution where household_id = any(?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", forget.toArray()));
                    delete.executeUpdate();
                }
            }
            insert(connection, remember);
            write(connection, villages);
        });
    }

    /** What the read model knows of a household and what it contributed so far. */
    private record Facts(String village, List<HouseholdTimeline.StatusEntry> history, List<HouseholdTimeline.Membership> members,
            Map<Key, Tally> contributed) {
        static final Facts NONE = new Facts(null, List.of(), List.of(), Map.of());

        static Facts empty() {
            return new Facts(null, new ArrayList<>(), new ArrayList<>(), new TreeMap<>());
        }

        Facts inVillage(String code) {
            return new Facts(code, history, members, contributed);
        }
    }

    /** The facts of all the households in one round trip; each part fills the columns it has and leaves the others null. */
    private static Map<UUID, Facts> facts(Connection connection, Collection<UUID> households) throws SQLException {
        Map<UUID, Facts> facts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                with wanted as (select unnest(?::uuid[]) as id)
                select 'FACT' as part, household_id, village_code, null::date as day, null::date as left_on, null::text as status,
                       null::bigint as seq, null::bigint as households, null::bigint as people
                from household_fact where household_id in (select id from wanted)
                union all
                select 'HISTORY', household_id, null, effective_date, null, to_status, seq, null, null
                from household_status_history where household_id in (select id from wanted)
                union all
                select 'MEMBER', household_id, null, joined_on, left_on, null, null, null, null
                from member_fact where household_id in (select id from wanted)
                union all
                select 'CONTRIBUTION', household_id, village_code, day, null, status, null, households, people
                from household_contribution where household_id in (select id from wanted)""")) {
            select.setArray(1, connection.createArrayOf("uuid", households.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID household = rows.getObject("household_id", UUID.class);
                    Facts of = facts.computeIfAbsent(household, id -> Facts.empty());
                    switch (rows.getString("part")) {
                        case "FACT" -> facts.put(household, of.inVillage(rows.getString("village_code")));
                        case "HISTORY" -> of.history().add(new HouseholdTimeline.StatusEntry(rows.getDate("day").toLocalDate(),
                                rows.getLong("seq"), rows.getString("status")));
                        case "MEMBER" -> of.members().add(new HouseholdTimeline.Membership(rows.getDate("day").toLocalDate(),
                                rows.getDate("left_on") == null ? null : rows.getDate("left_on").toLocalDate()));
                        default -> of.contributed().put(new Key(rows.getString("village_code"), rows.getDate("day").toLocalDate(),
                                rows.getString("status")), new Tally(rows.getLong("households"), rows.getLong("people")));
                    }
                }
            }
        }
        return facts;
    }

    /** A household's new contribution on one day: a row of household_contribution. */
    private record Contribution(UUID household, String village, HouseholdTimeline.Change change) {
    }

    private static void insert(Connection connection, List<Contribution> contributions) throws SQLException {
        Columns.of(contributions)
                .column("uuid", Contribution::household).column("varchar", Contribution::village)
                .column("date", row -> Date.valueOf(row.change().day())).column("text", row -> row.change().status())
                .column("int4", row -> row.change().households()).column("int4", row -> row.change().people())
                .execute(connection, """
                        insert into household_contribution (household_id, village_code, day, status, households, people)
                        select * from unnest(?::uuid[], ?::varchar[], ?::date[], ?::text[], ?::int[], ?::int[])""");
    }

    /**
     * Adds the differences to the village sums, in one order of keys: two consumers committing at the
     * same time never wait for each other in opposite orders.
     */
    private static void write(Connection connection, Map<Key, Tally> difference) throws SQLException {
        difference.values().removeIf(Tally::isZero);
        if (difference.isEmpty()) {
            return;
        }
        Map<VillageStatus, Tally> totals = new TreeMap<>();
        difference.forEach((key, sum) -> totals.merge(new VillageStatus(key.village(), key.status()), sum, Tally::plus));
        Columns.of(difference.entrySet())
                .column("varchar", entry -> entry.getKey().village()).column("date", entry -> Date.valueOf(entry.getKey().day()))
                .column("text", entry -> entry.getKey().status()).column("int8", entry -> entry.getValue().households())
                .column("int8", entry -> entry.getValue().people())
                .execute(connection, """
                        insert into village_status_change (village_code, day, status, households, people)
                        select * from unnest(?::varchar[], ?::date[], ?::text[], ?::bigint[], ?::bigint[])
                        on conflict (village_code, status, day) do update
                        set households = village_status_change.households + excluded.households,
                            people = village_status_change.people + excluded.people""");
        Columns.of(totals.entrySet())
                .column("varchar", entry -> entry.getKey().village()).column("text", entry -> entry.getKey().status())
                .column("int8", entry -> entry.getValue().households()).column("int8", entry -> entry.getValue().people())
                .execute(connection, """
                        insert into village_status_total (village_code, status, households, people)
                        select * from unnest(?::varchar[], ?::text[], ?::bigint[], ?::bigint[])
                        on conflict (village_code, status) do update
                        set households = village_status_total.households + excluded.households,
                            people = village_status_total.people + excluded.people""");
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
