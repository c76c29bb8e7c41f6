package org.fupin.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.platform.sql.Rows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * What operators watch of the outbox (Prometheus, {@code /q/metrics}): the rows waiting and the age of the oldest, and
 * what the relay sent and failed to send. The backlog is read every 10 s ({@code fupin.outbox.metrics-every}) by a scheduled query, not at scrape time, so
 * a scrape never waits for the database.
 */
@ApplicationScoped
@IfBuildProperty(name = "fupin.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxMetrics {

    private final EntityManager entityManager;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter sent;
    private final Counter failed;

    public OutboxMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("fupin.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder("fupin.outbox.oldest.unsent.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka; 0 when none waits").register(registry);
        this.sent = Counter.builder("fupin.outbox.relay.sent").description("Events the relay published and Kafka acknowledged")
                .register(registry);
        this.failed = Counter.builder("fupin.outbox.relay.failures")
                .description("Events the relay handed to Kafka without an acknowledgement (sent again later)").register(registry);
    }

    void relayed(int sentEvents, int failedEvents) {
        sent.increment(sentEvents);
        failed.increment(failedEvents);
    }

    @Scheduled(every = "${fupin.outbox.metrics-every:10s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readBacklog() {
        Waiting waiting = QuarkusTransaction.requiringNew().call(() -> Rows.single(entityManager.createNativeQuery("""
                select count(*) as waiting, coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
                from outbox_event where sent_at is null"""), row -> new Waiting(row.count("waiting"), row.count("oldest"))));
        backlog.set(waiting.rows());
        oldestAgeSeconds.set(waiting.oldestSeconds());
    }

    private record Waiting(long rows, long oldestSeconds) {
    }
}
