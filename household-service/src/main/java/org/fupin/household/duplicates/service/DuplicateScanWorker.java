package org.fupin.household.duplicates.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.fupin.household.imports.service.ImportInstance;
import org.fupin.platform.work.BackgroundWorker;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs queued duplicate scans one at a time on a thread of its own (the import's instance name tells instances apart). */
@ApplicationScoped
public class DuplicateScanWorker {

    private static final Logger LOG = Logger.getLogger(DuplicateScanWorker.class);
    private static final Duration POLL = Duration.ofSeconds(10);

    private final DuplicateScans scans;
    private final DuplicateScanner scanner;
    private final ImportInstance instance;

    // Written on start and stop only.
    private volatile BackgroundWorker worker;

    public DuplicateScanWorker(DuplicateScans scans, DuplicateScanner scanner, ImportInstance instance) {
        this.scans = scans;
        this.scanner = scanner;
        this.instance = instance;
    }

    void start(@Observes StartupEvent startup) {
        int interrupted = scans.failInterrupted(instance.name());
        if (interrupted > 0) {
            LOG.warnf("Marked %d duplicate scans of instance %s FAILED: interrupted by the end of the previous process",
                    interrupted, instance.name());
        }
        worker = BackgroundWorker.start("duplicate-scan", this::round, POLL);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.stop(Duration.ofSeconds(30));
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DuplicateScans.ScanQueued queued) {
        BackgroundWorker current = worker;
        if (current != null) {
            current.wake();
        }
    }

    private Duration round() {
        Optional<DuplicateScans.Scan> scan = scans.claim(instance.name());
        if (scan.isEmpty()) {
            return POLL;
        }
        long started = System.nanoTime();
        try {
            DuplicateScanner.Outcome outcome = scanner.scan(scan.get().region(), worker::stopping);
            scans.finish(scan.get().id(), outcome);
            LOG.infof("Duplicate scan %s of %s: %,d members, %,d names, %,d pairs (%,d new) in %.1f s", scan.get().id(),
                    scan.get().region(), outcome.membersRead(), outcome.namesRead(), outcome.pairsFound(), outcome.pairsNew(),
                    (System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            LOG.errorf(e, "Duplicate scan %s failed", scan.get().id());
            scans.fail(scan.get().id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return Duration.ZERO;
    }
}
