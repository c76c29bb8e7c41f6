package org.fupin.reporting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.events.EventCodec;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.MemberFacts;
import org.fupin.reporting.readmodel.ReadModel;
import org.fupin.testing.InJvmKafka;

/**
 * The live consumer's sustained rate: registrations of fresh three-person households and their exit
 * proposals, produced to the household topic at once, timed from the first send until the service's
 * own consumers have applied the last of them.
 */
final class LiveConsumerRun {

    private LiveConsumerRun() {
    }

    /** What one run applied: events, seconds to produce them, seconds until all were applied. */
    record Rate(int events, double produced, double applied) {
        double eventsPerSecond() {
            return events / applied;
        }
    }

    static Rate measure(DataSource dataSource, String village, int households) throws Exception {
        EventCodec codec = new EventCodec();
        long before = processed(dataSource);
        // The events are written out before the clock starts: what is timed is the read model applying them, not this
        // test turning records into JSON on the same two cores.
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            UUID id = UUID.randomUUID();
            List<MemberFacts> members = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                members.add(new MemberFacts(UUID.randomUUID(), m == 0 ? "HEAD" : "CHILD", "MALE", 1970 + m, "HEALTHY", null, false,
                        "GRADUATED", "FULL", true, false));
            }
            Object[] data = {
                    new HouseholdRegistered(id, village + String.format("%05d", i), village, "GENERAL", List.of("ILLNESS"), "ILLNESS",
                            2016, new BigDecimal("2500"), "POOR", null, LocalDate.of(2016, 5, 1), members),
                    new HouseholdStatusChanged(id, village, "POOR", "EXIT_PENDING", "PROPOSE_EXIT", LocalDate.of(2020, 9, 1), null,
                            null, LocalDate.of(2020, 9, 8), null) };
            for (Object event : data) {
                records.add(new ProducerRecord<>("household.events", id.toString(),
                        codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/benchmark", id.toString(), Instant.now(), event))));
            }
        }
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
        double produced = (System.nanoTime() - start) / 1e9;
        while (processed(dataSource) < before + records.size()) {
            Thread.sleep(200);
        }
        Rate rate = new Rate(records.size(), produced, (System.nanoTime() - start) / 1e9);
        System.out.printf("Consumer: %,d events (registrations of 3-person households and exits) produced in %.1f s, "
                + "applied in %.1f s: %,.0f events/s sustained%n", rate.events(), rate.produced(), rate.applied(), rate.eventsPerSecond());
        return rate;
    }

    private static long processed(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from processed_event where consumer = '"
                        + ReadModel.HOUSEHOLD_CONSUMER + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
