package org.fupin.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.platform.kafka.KafkaClients;
import org.jboss.logging.Logger;

/**
 * The one dead-letter path of every consumer: a record that can never apply goes to
 * {@code <topic>.dlq} with the reason and where it came from in headers (the names the messaging
 * library's own dead-letter strategy uses), and the call returns only once the broker has it, so
 * that the record is safe before its batch is acknowledged.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    // Made on the first dead letter: most runs never need one.
    private volatile KafkaProducer<String, String> producer;

    private final ConsumerMetrics metrics;

    public DeadLetters(KafkaClients kafka, ConsumerMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** The topic dead letters of {@code topic} go to. */
    public static String topicOf(String topic) {
        return topic + ".dlq";
    }

    public void send(ConsumerRecord<String, String> record, Exception reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", bytes(reason.getCause().getMessage()));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        try {
            producer().send(new ProducerRecord<>(topicOf(record.topic()), null, record.key(),
                    record.value() == null ? "" : record.value(), headers)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + record.topic() + "@" + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            // Thrown on: the batch is not acknowledged, and its records come again.
            throw new IllegalStateException("Cannot dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        metrics.deadLettered(record.topic());
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(kafka.producer("dead-letters", Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                            new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
