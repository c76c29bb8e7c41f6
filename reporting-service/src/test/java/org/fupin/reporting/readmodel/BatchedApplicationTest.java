package org.fupin.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fupin.events.EventCodec;
import org.fupin.events.Topics;
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
import org.fupin.platform.inbox.IdempotentConsumer;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A property of the read model: the same events give the same facts and counts whether they are
 * applied one at a time, each in its own transaction, or a poll's worth at a time in batches of
 * any size, with records repeated inside a batch (a producer's retry) and earlier batches delivered
 * again (a consumer that crashed before committing its offsets). Each seed is a random county
 * history: registrations, moves between villages, members joining, changing and leaving, status
 * changes in and out of order of their dates, assessments and regions renamed.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class BatchedApplicationTest {

    private static final List<String> STATUSES = List.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED", "NOT_POOR", "REMOVED");
    private static final List<String> ACTIONS = List.of("PROPOSE_EXIT", "CONFIRM_EXIT", "FLAG_RISK", "CLEAR_RISK", "RETURN_TO_POVERTY",
            "REMOVE", "IDENTIFY");
    private static final List<String> CATEGORIES = List.of("GENERAL", "SUBSISTENCE_ALLOWANCE", "EXTREME_HARDSHIP");

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    private final EventCodec codec = new EventCodec();

    @Test
    void batchesOfRandomSizesWithDuplicatesAndRedeliveriesLeaveTheReadModelThatOneAtATimeLeaves() {
        for (int seed = 1; seed <= 6; seed++) {
            // Counties 621000-626000, which no other test of this module uses: the test reads whole counties back.
            County county = new County("62" + seed + "000", new Random(seed));
            List<String> records = county.history(40);

            String oneAtATime = "one-at-a-time-" + UUID.randomUUID();
            for (String record : records) {
                consumer.consume(oneAtATime, record, readModel.live(Topics.HOUSEHOLD_EVENTS));
            }
            Map<String, String> expected = snapshot(county);
            assertThat(expected.get("household_contribution")).as("seed %d counts something", seed).isNotEmpty();
            assertThat(expected.get("members who left")).as("seed %d has members who left", seed).isNotEqualTo("(0)");

            forget(county);
            String batched = "batched-" + UUID.randomUUID();
            Random random = new Random(-seed);
            List<String> deliveries = withDuplicatesAndRedeliveries(records, random);
            for (int from = 0; from < deliveries.size(); ) {
                int to = Math.min(deliveries.size(), from + 1 + random.nextInt(80));
                assertThat(consumer.consumeBatch(batched, deliveries.subList(from, to), readModel.live(Topics.HOUSEHOLD_EVENTS)))
                        .isEmpty();
                from = to;
            }

            assertThat(snapshot(county)).as("seed %d: %d records delivered as %d", seed, records.size(), deliveries.size())
                    .isEqualTo(expected);
            assertThat(processed(batched)).as("seed %d: each event recorded once", seed).isEqualTo(processed(oneAtATime))
                    .isEqualTo(records.size());
        }
    }

    /** Every record once in order, plus copies: some repeated at once, some earlier runs delivered again later. */
    private static List<String> withDuplicatesAndRedeliveries(List<String> records, Random random) {
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            deliveries.add(records.get(i));
            if (random.nextInt(20) == 0) {
                deliveries.add(records.get(i));
            }
            if (i > 10 && random.nextInt(40) == 0) {
                int from = random.nextInt(i);
                deliveries.addAll(records.subList(from, Math.min(i + 1, from + 1 + random.nextInt(30))));
            }
        }
        return deliveries;
    }

    /** The read model's rows of one county, table by table, as sorted text (sequence numbers as ranks). */
    private Map<String, String> snapshot(County county) {
        Map<String, String> tables = new LinkedHashMap<>();
        String households = "household_id in (select household_id from household_fact where village_code like :county)";
        tables.put("region_fact", "select * from region_fact where code like :county");
        tables.put("household_fact", "select * from household_fact where village_code like :county");
        tables.put("household_status_history", """
                select household_id, effective_date, from_status, to_status, action, risk_type,
                       row_number() over (partition by household_id order by seq) from household_status_history where\s""" + households);
        tables.put("member_fact", "select * from member_fact where " + households);
        tables.put("assessment_fact", "select * from assessment_fact where " + households);
        tables.put("household_contribution", "select * from household_contribution where " + households);
        tables.put("members who left", "select count(*) from member_fact where left_on is not null and " + households);
        tables.put("village_status_change", "select * from village_status_change where village_code like :county and (households <> 0 or people <> 0)");
        tables.put("village_status_total", "select * from village_status_total where village_code like :county and (households <> 0 or people <> 0)");
        Map<String, String> snapshot = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> tables.forEach((table, select) -> snapshot.put(table, String.valueOf(
                entityManager.createNativeQuery("select coalesce(string_agg(r::text, E'\\n' order by r::text), '') from (" + select + ") r")
                        .setParameter("county", county.code() + "%").getSingleResult()))));
        return snapshot;
    }

    private void forget(County county) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("household_status_history", "member_fact", "assessment_fact", "household_contribution")) {
                entityManager.createNativeQuery("delete from " + table
                        + " where household_id in (select household_id from household_fact where village_code like :county)")
                        .setParameter("county", county.code() + "%").executeUpdate();
            }
            entityManager.createNativeQuery("delete from household_fact where village_code like :county")
                    .setParameter("county", county.code() + "%").executeUpdate();
            entityManager.createNativeQuery("delete from region_fact where code like :county")
                    .setParameter("county", county.code() + "%").executeUpdate();
            entityManager.createNativeQuery("delete from village_status_change where village_code like :county")
                    .setParameter("county", county.code() + "%").executeUpdate();
            entityManager.createNativeQuery("delete from village_status_total where village_code like :county")
                    .setParameter("county", county.code() + "%").executeUpdate();
        });
    }

    private long processed(String consumerName) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = :consumer")
                .setParameter("consumer", consumerName).getSingleResult()).longValue());
    }

    /** A random county history, each household's events in their order, the households interleaved as partitions would. */
    private final class County {
        private final String code;
        private final Random random;
        private final List<String> villages = new ArrayList<>();

        County(String code, Random random) {
            this.code = code;
            this.random = random;
            for (int township = 1; township <= 2; township++) {
                for (int village = 1; village <= 2; village++) {
                    villages.add(code + "10" + township + "20" + village);
                }
            }
        }

        String code() {
            return code;
        }

        List<String> history(int households) {
            List<List<String>> streams = new ArrayList<>();
            List<String> regions = new ArrayList<>();
            regions.add(event(code, new RegionUpserted(code, "县" + code, "COUNTY", null, 50_000, false, false)));
            for (String village : villages) {
                String township = village.substring(0, 9);
                regions.add(event(township, new RegionUpserted(township, "镇" + township, "TOWNSHIP", code, 5_000, false, false)));
                regions.add(event(village, new RegionUpserted(village, "村" + village, "VILLAGE", township, 900, random.nextBoolean(),
                        false)));
            }
            // A village renamed later: the last upsert wins.
            regions.add(event(villages.get(0), new RegionUpserted(villages.get(0), "新村", "VILLAGE", villages.get(0).substring(0, 9),
                    950, true, true)));
            streams.add(regions);
            for (int h = 0; h < households; h++) {
                streams.add(household(h));
            }
            List<String> records = new ArrayList<>();
            int[] next = new int[streams.size()];
            while (true) {
                List<Integer> open = new ArrayList<>();
                for (int s = 0; s < streams.size(); s++) {
                    if (next[s] < streams.get(s).size()) {
                        open.add(s);
                    }
                }
                if (open.isEmpty()) {
                    return records;
                }
                // The regions come first, as the registry publishes them before any household of theirs.
                int s = next[0] < streams.get(0).size() ? 0 : open.get(random.nextInt(open.size()));
                records.add(streams.get(s).get(next[s]++));
            }
        }

        private List<String> household(int number) {
            UUID id = UUID.randomUUID();
            String village = pick(villages);
            LocalDate registeredOn = LocalDate.of(2014, 10, 1).plusDays(random.nextInt(500));
            List<MemberFacts> members = new ArrayList<>();
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                members.add(member(m == 0 ? "HEAD" : "CHILD"));
            }
            List<UUID> present = new ArrayList<>(members.stream().map(MemberFacts::memberId).toList());
            List<UUID> gone = new ArrayList<>();
            List<String> events = new ArrayList<>();
            events.add(event(id.toString(), new HouseholdRegistered(id, village + String.format("%05d", number), village,
                    pick(CATEGORIES), List.of("ILLNESS"), "ILLNESS", 2014, new BigDecimal("2300"), "POOR", null, registeredOn, members)));
            String status = "POOR";
            for (int step = 0; step < random.nextInt(9); step++) {
                // Dates wander, backwards too: a late or backdated change lands in its place.
                LocalDate on = registeredOn.plusDays(random.nextInt(1_500) - 100);
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        String to = pick(STATUSES);
                        events.add(event(id.toString(), new HouseholdStatusChanged(id, village, status, to, pick(ACTIONS), on, null,
                                "MONITORED".equals(to) ? "UNSTABLE_EXIT" : null, null, null)));
                        status = to;
                    }
                    case 2 -> {
                        MemberFacts joining = member("OTHER");
                        present.add(joining.memberId());
                        events.add(event(id.toString(), new MemberAdded(id, joining, on)));
                    }
                    case 3 -> {
                        if (!gone.isEmpty() && random.nextInt(3) == 0) {
                            // A duplicate review's decision undone: the member counts again since it joined.
                            UUID back = gone.remove(random.nextInt(gone.size()));
                            present.add(back);
                            events.add(event(id.toString(), new MemberRestored(id, back, on)));
                        } else if (!present.isEmpty()) {
                            UUID leaving = present.remove(random.nextInt(present.size()));
                            gone.add(leaving);
                            events.add(event(id.toString(), random.nextBoolean() && !present.isEmpty()
                                    ? new MemberRemoved(id, leaving, "DUPLICATE", on, present.get(0))
                                    : new MemberRemoved(id, leaving, "MOVED_OUT", on, null)));
                        }
                    }
                    case 4 -> {
                        if (random.nextBoolean()) {
                            village = pick(villages);
                            events.add(event(id.toString(), new HouseholdUpdated(id, village, pick(CATEGORIES), List.of("ILLNESS"),
                                    "ILLNESS", 2014, new BigDecimal("2400"), List.of("villageCode"), on)));
                        } else if (!members.isEmpty()) {
                            MemberFacts changed = members.get(random.nextInt(members.size()));
                            events.add(event(id.toString(), new MemberUpdated(id, new MemberFacts(changed.memberId(), changed.relation(),
                                    changed.gender(), changed.birthYear(), "CHRONIC_ILLNESS", 1 + random.nextInt(4), random.nextBoolean(),
                                    changed.education(), changed.laborCapacity(), true, false), List.of("disabilityGrade"), on)));
                        }
                    }
                    default -> events.add(event(id.toString(), new HouseholdAssessed(id, UUID.randomUUID(), on, true, true, true, true,
                            "B", true, new BigDecimal("5200"), random.nextBoolean(), random.nextBoolean() ? List.of() : List.of("INCOME"))));
                }
            }
            return events;
        }

        private MemberFacts member(String relation) {
            return new MemberFacts(UUID.randomUUID(), relation, random.nextBoolean() ? "MALE" : "FEMALE", 1950 + random.nextInt(60),
                    "HEALTHY", null, false, "GRADUATED", "FULL", true, false);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    private String event(String subject, Object data) {
        return codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/test", subject, Instant.now(), data));
    }
}
