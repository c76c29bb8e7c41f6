package org.fupin.household.imports.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.fupin.household.imports.persistence.ClaimedJob;
import org.fupin.household.imports.persistence.ImportJobWriter;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs this instance's queued import jobs, one at a time, on a thread of its own: a queued job
 * wakes it after commit, and it also looks every few seconds. Jobs this instance was running when
 * its previous process stopped are marked FAILED ("interrupted") at start-up.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final long POLL_MILLIS = 5_000;

    private final ImportJobRunner runner;
    private final ImportJobWriter jobs;
    private final ImportInstance instance;
    private final AgroalDataSource dataSource;

    // Lifecycle state of the worker thread; written on start and stop only.
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;

    public ImportWorker(ImportJobRunner runner, ImportJobWriter jobs, ImportInstance instance, AgroalDataSource dataSource) {
        this.runner = runner;
        this.jobs = jobs;
        this.instance = instance;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup) {
        int interrupted = QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection()) {
                return jobs.failInterrupted(connection, instance.name());
            }
        });
        if (interrupted > 0) {
            LOG.warnf("Marked %d import jobs of instance %s FAILED: interrupted by the end of the previous process",
                    interrupted, instance.name());
        }
        running = true;
        worker = new Thread(this::loop, "household-import");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued queued) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                Optional<ClaimedJob> job = claim();
                if (job.isPresent()) {
                    LOG.infof("Import %s started", job.get().id());
                    runner.run(job.get(), () -> !running);
                    LOG.infof("Import %s ended", job.get().id());
                } else {
                    pause();
                }
            } catch (RuntimeException e) {
                LOG.warnf("Import worker round failed (%s); retrying", e.toString());
                pause();
            }
        }
    }

    private Optional<ClaimedJob> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection()) {
                return jobs.claimNext(connection, instance.name());
            }
        });
    }

    private void pause() {
        try {
            if (wakeUp.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
