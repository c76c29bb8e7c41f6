package org.fupin.household.imports.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.imports.domain.HouseholdRowGroup;
import org.fupin.household.imports.domain.ImportCsv;
import org.fupin.household.imports.domain.ImportRows;
import org.fupin.household.imports.domain.ImportStatus;
import org.fupin.household.imports.domain.ImportValidation;
import org.fupin.household.imports.persistence.ClaimedJob;
import org.fupin.household.imports.persistence.ImportJobWriter;
import org.fupin.household.region.domain.RegionLevel;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.security.RegionScope;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one import job: streams the spooled file household by household, checks each with
 * {@link ImportValidation} on this thread, and hands batches of {@code fupin.import.batch-size}
 * households to {@link ImportStore} on a second thread, one batch in flight, so that the next batch
 * is read while the previous one is stored.
 */
@ApplicationScoped
public class ImportJobRunner {

    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class);

    private final ImportTransactions transactions;
    private final ImportStore store;
    private final ImportJobWriter jobs;
    private final ImportConfig config;
    private final RegistryConfig registry;
    private final ObjectMapper json;
    private final Event<ImportCompleted> completed;

    public ImportJobRunner(ImportTransactions transactions, ImportStore store, ImportJobWriter jobs, ImportConfig config,
            RegistryConfig registry, ObjectMapper json, Event<ImportCompleted> completed) {
        this.transactions = transactions;
        this.store = store;
        this.jobs = jobs;
        this.config = config;
        this.registry = registry;
        this.json = json;
        this.completed = completed;
    }

    /**
     * Runs the job to its end and deletes its file. {@code stopping} is asked between batches: a job
     * stopped by a shutdown ends FAILED ("interrupted"), like one whose process died.
     */
    public void run(ClaimedJob job, BooleanSupplier stopping) {
        ImportStatus status = ImportStatus.COMPLETED;
        String reason = null;
        try {
            process(job, stopping);
        } catch (Interrupted e) {
            status = ImportStatus.FAILED;
            reason = "interrupted";
        } catch (IOException | ImportCsv.MalformedCsvException e) {
            LOG.warnf("Import %s: the file cannot be read: %s", job.id(), e.toString());
            status = ImportStatus.FAILED;
            reason = "The file cannot be read: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", job.id());
            status = ImportStatus.FAILED;
            reason = "The import failed on our side; it has been logged.";
        }
        ImportStatus ended = status;
        String why = reason;
        transactions.inTransaction(connection -> {
            jobs.finish(connection, job.id(), ended, why);
            return null;
        });
        if (ended == ImportStatus.COMPLETED && !job.regionScope().isEmpty()) {
            completed.fire(new ImportCompleted(job.id(), job.actor(), job.regionScope()));
        }
        try {
            Files.deleteIfExists(job.file());
        } catch (IOException e) {
            LOG.warnf("Import %s: cannot delete %s: %s", job.id(), job.file(), e.toString());
        }
    }

    /** Reads and checks the next batch while the previous one is being stored, one batch in flight at a time. */
    private void process(ClaimedJob job, BooleanSupplier stopping) throws IOException {
        LocalDate today = LocalDate.now(registry.zone());
        Set<String> scattered;
        try (ImportCsv csv = open(job.file())) {
            scattered = ImportRows.scatteredRefs(csv.rows());
        }
        ImportValidation validation = new ImportValidation(today, villagesOf(job));
        ImportStore.JobProgress progress = new ImportStore.JobProgress(job.id(), job.actor());
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "household-import-writer"));
        Future<?> storing = CompletableFuture.completedFuture(null);
        long started = System.nanoTime();
        try (ImportCsv csv = open(job.file())) {
            Iterator<HouseholdRowGroup> groups = ImportRows.groups(csv.rows(), scattered);
            ImportBatch batch = new ImportBatch();
            while (groups.hasNext()) {
                HouseholdRowGroup group = groups.next();
                batch.add(group, validation.validate(group));
                if (batch.households() >= config.batchSize()) {
                    ImportBatch full = batch.prepared(today, this::historyJson);
                    awaitStored(storing);
                    storing = writer.submit(() -> store.store(full, progress));
                    batch = new ImportBatch();
                    if (stopping.getAsBoolean()) {
                        awaitStored(storing);
                        throw new Interrupted();
                    }
                }
            }
            ImportBatch last = batch.prepared(today, this::historyJson);
            awaitStored(storing);
            store.store(last, progress);
        } finally {
            // A batch still being stored when reading failed ends on its own: interrupting a transaction helps nobody.
            writer.shutdown();
            try {
                writer.awaitTermination(ImportTransactions.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.infof("Import %s: read, checked and stored in %d ms", job.id(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether a village code is a village of the registry within the job's region; each code looked up once per job. */
    private java.util.function.Predicate<String> villagesOf(ClaimedJob job) {
        // A job queued without a region (none are, since tokens must name one) may register nothing.
        RegionScope scope = job.regionScope().isEmpty() ? RegionScope.none() : RegionScope.of(job.regionScope());
        Map<String, Boolean> known = new HashMap<>();
        return code -> known.computeIfAbsent(code, c -> transactions.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select level from region where code = ?")) {
                query.setString(1, c);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && RegistrationRules.isRegistrableVillage(c, RegionLevel.valueOf(row.getString(1)), scope);
                }
            }
        }));
    }

    private static void awaitStored(Future<?> storing) {
        try {
            storing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    private String historyJson(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the history of an imported household", e);
        }
    }

    private static ImportCsv open(Path file) throws IOException {
        return ImportCsv.open(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** The instance is shutting down; the job stops between two batches. */
    private static final class Interrupted extends RuntimeException {
    }
}
