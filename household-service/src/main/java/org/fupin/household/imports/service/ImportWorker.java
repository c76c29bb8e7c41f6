package org.fupin.household.imports.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.fupin.household.imports.persistence.ClaimedJob;
import org.fupin.household.imports.persistence.ImportJobWriter;
import org.fupin.platform.work.BackgroundWorker;
import org.jboss.logging.Logger;

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
    private static final Duration POLL = Duration.ofSeconds(5);

    private final ImportJobRunner runner;
    private final ImportJobWriter jobs;
    private final ImportInstance instance;
    private final ImportTransactions transactions;

    // Written on start and stop only.
    private volatile BackgroundWorker worker;

    public ImportWorker(ImportJobRunner runner, ImportJobWriter jobs, ImportInstance instance, ImportTransactions transactions) {
        this.runner = runner;
        this.jobs = jobs;
        this.instance = instance;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent startup) {
        int interrupted = transactions.inTransaction(connection -> jobs.failInterrupted(connection, instance.name()));
        if (interrupted > 0) {
            LOG.warnf("Marked %d import jobs of instance %s FAILED: interrupted by the end of the previous process",
                    interrupted, instance.name());
        }
        worker = BackgroundWorker.start("household-import", this::round, POLL);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.stop(Duration.ofSeconds(30));
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued queued) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.wake();
        }
    }

    /** Runs the next job of this instance, if any; looks again at once after a job, after a while otherwise. */
    private Duration round() {
        Optional<ClaimedJob> job = claim();
        if (job.isEmpty()) {
            return POLL;
        }
        LOG.infof("Import %s started", job.get().id());
        runner.run(job.get(), worker::stopping);
        LOG.infof("Import %s ended", job.get().id());
        return Duration.ZERO;
    }

    private Optional<ClaimedJob> claim() {
        return transactions.inTransaction(connection -> jobs.claimNext(connection, instance.name()));
    }
}
