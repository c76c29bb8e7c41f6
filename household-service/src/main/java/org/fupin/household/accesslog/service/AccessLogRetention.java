package org.fupin.household.accesslog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.household.config.AccessLogConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Deletes access log entries older than the retention, the one delete the table's trigger lets through. */
@ApplicationScoped
public class AccessLogRetention {

    private static final Logger LOG = Logger.getLogger(AccessLogRetention.class);

    private final EntityManager entityManager;
    private final AccessLogConfig config;

    public AccessLogRetention(EntityManager entityManager, AccessLogConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteBefore(Instant.now().minus(config.retention()));
    }

    /** Deletes the entries recorded before {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        int deleted = QuarkusTransaction.requiringNew().call(() -> {
            // The trigger refuses every other delete; set_config(..., true) holds for this transaction only.
            entityManager.createNativeQuery("select set_config('fupin.access_log_retention', 'on', true)").getSingleResult();
            return entityManager.createNativeQuery("delete from access_log where at < :before")
                    .setParameter("before", before)
                    .executeUpdate();
        });
        if (deleted > 0) {
            LOG.infof("Deleted %d access log entries recorded before %s (retention %s)", deleted, before, config.retention());
        }
        return deleted;
    }
}
