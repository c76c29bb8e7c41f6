package org.fupin.household.imports.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.fupin.events.CloudEvent;
import org.fupin.events.EventCodec;
import org.fupin.events.EventType;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.imports.domain.HouseholdRowGroup;
import org.fupin.household.imports.domain.ImportColumn;
import org.fupin.household.imports.domain.ImportCsv;
import org.fupin.household.imports.domain.ImportRows;
import org.fupin.household.imports.domain.ImportStatus;
import org.fupin.household.imports.domain.ImportValidation;
import org.fupin.household.imports.domain.ImportedHousehold;
import org.fupin.household.imports.domain.RowError;
import org.fupin.household.imports.persistence.ClaimedJob;
import org.fupin.household.imports.persistence.ImportJobWriter;
import org.fupin.household.imports.persistence.RegistrationRecord;
import org.fupin.household.imports.persistence.RegistrationWriter;
import org.fupin.household.region.domain.RegionLevel;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.RowIds;
import org.fupin.household.registry.service.HouseholdEvents;
import org.fupin.household.registry.service.HouseholdFactory;
import org.fupin.household.registry.service.HouseholdSnapshot;
import org.fupin.platform.outbox.OutboxConfig;
import org.fupin.platform.outbox.OutboxRecorded;
import org.fupin.security.RegionScope;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs one import job: streams the spooled file household by household, checks each with
 * {@link ImportValidation}, and registers the valid ones in batches of {@code fupin.import.batch-size}
 * households per transaction, exactly as the API registers one (rows, number, outbox event,
 * history), with the job's progress and rejected rows committed in the same transaction.
 */
@ApplicationScoped
public class ImportJobRunner {

    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class);
    private static final EventType REGISTERED = EventType.of(HouseholdRegistered.class);
    private static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    private final AgroalDataSource dataSource;
    private final RegistrationWriter registrations;
    private final ImportJobWriter jobs;
    private final ImportConfig config;
    private final RegistryConfig registry;
    private final EventCodec codec;
    private final OutboxConfig outbox;
    private final ObjectMapper json;
    private final Event<OutboxRecorded> outboxRecorded;

    public ImportJobRunner(AgroalDataSource dataSource, RegistrationWriter registrations, ImportJobWriter jobs,
            ImportConfig config, RegistryConfig registry, EventCodec codec, OutboxConfig outbox, ObjectMapper json,
            Event<OutboxRecorded> outboxRecorded) {
        this.dataSource = dataSource;
        this.registrations = registrations;
        this.jobs = jobs;
        this.config = config;
        this.registry = registry;
        this.codec = codec;
        this.outbox = outbox;
        this.json = json;
        this.outboxRecorded = outboxRecorded;
    }

    /**
     * Runs the job to its end and deletes its file. {@code stopping} is asked between batches: a job
     * stopped by a shutdown ends FAILED ("interrupted"), like one whose process died.
     */
    public void run(ClaimedJob job, BooleanSupplier stopping) {
        ImportStatus status = ImportStatus.COMPLETED;
        String reason = null;
        try {
            new Run(job, stopping).process();
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
        inTransaction(connection -> {
            jobs.finish(connection, job.id(), ended, why);
            return null;
        });
        try {
            Files.deleteIfExists(job.file());
        } catch (IOException e) {
            LOG.warnf("Import %s: cannot delete %s: %s", job.id(), job.file(), e.toString());
        }
    }

    /**
     * The state of one job while it runs. Batches are stored on a second thread, one at a time;
     * each hand-over goes through a Future, which orders the two threads' writes to this state.
     */
    private final class Run {

        private final ClaimedJob job;
        private final BooleanSupplier stopping;
        private final LocalDate today = LocalDate.now(registry.zone());
        private final RegionScope scope;
        private final Map<String, Boolean> villages = new HashMap<>();
        private int errorsKept;
        private long readingNanos;
        private volatile long storingNanos;

        Run(ClaimedJob job, BooleanSupplier stopping) {
            this.job = job;
            this.stopping = stopping;
            // A job queued without a region (none are, since tokens must name one) may register nothing.
            this.scope = job.regionScope().isEmpty() ? RegionScope.none() : RegionScope.of(job.regionScope());
        }

        /**
         * Reads and checks the next batch while the previous one is being stored: the file is read on
         * this thread, the database written on another, one batch in flight at a time.
         */
        void process() throws IOException {
            Set<String> scattered;
            try (ImportCsv csv = open(job.file())) {
                scattered = ImportRows.scatteredRefs(csv.rows());
            }
            ImportValidation validation = new ImportValidation(today, this::registrableVillage);
            ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "household-import-writer"));
            Future<?> storing = CompletableFuture.completedFuture(null);
            try (ImportCsv csv = open(job.file())) {
                Iterator<HouseholdRowGroup> groups = ImportRows.groups(csv.rows(), scattered);
                Batch batch = new Batch();
                long reading = System.nanoTime();
                while (groups.hasNext()) {
                    HouseholdRowGroup group = groups.next();
                    batch.add(group, validation.validate(group));
                    if (batch.households() >= config.batchSize()) {
                        Batch full = batch.prepared(today);
                        readingNanos += System.nanoTime() - reading;
                        awaitStored(storing);
                        storing = writer.submit(() -> store(full));
                        reading = System.nanoTime();
                        batch = new Batch();
                        if (stopping.getAsBoolean()) {
                            awaitStored(storing);
                            throw new Interrupted();
                        }
                    }
                }
                Batch last = batch.prepared(today);
                readingNanos += System.nanoTime() - reading;
                awaitStored(storing);
                store(last);
            } finally {
                // A batch still being stored when reading failed ends on its own: interrupting a transaction helps nobody.
                writer.shutdown();
                try {
                    writer.awaitTermination(TRANSACTION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            LOG.infof("Import %s: reading, checking and preparing %d ms; storing %d ms (partly at the same time)", job.id(),
                    readingNanos / 1_000_000, storingNanos / 1_000_000);
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

        private boolean registrableVillage(String code) {
            return villages.computeIfAbsent(code, c -> inTransaction(connection -> {
                try (PreparedStatement query = connection.prepareStatement("select level from region where code = ?")) {
                    query.setString(1, c);
                    try (ResultSet row = query.executeQuery()) {
                        return row.next() && RegistrationRules.isRegistrableVillage(c, RegionLevel.valueOf(row.getString(1)), scope);
                    }
                }
            }));
        }

        /** Registers a batch in one transaction, or household by household if an ID number was taken meanwhile. */
        private void store(Batch batch) {
            long start = System.nanoTime();
            try {
                inTransaction(connection -> {
                    Registered registered = register(connection, batch.prepared);
                    recordProgress(connection, batch, registered);
                    return null;
                });
            } catch (RuntimeException e) {
                if (!idNumberTaken(e)) {
                    throw e;
                }
                // A household registered through the API after our check took one of the ID numbers:
                // one at a time, so that only the household that collides is rejected.
                Registered registered = new Registered();
                for (PreparedHousehold household : batch.prepared) {
                    registered.add(registerAlone(household));
                }
                inTransaction(connection -> {
                    recordProgress(connection, batch, registered);
                    return null;
                });
            }
            storingNanos += System.nanoTime() - start;
        }

        private Registered registerAlone(PreparedHousehold household) {
            try {
                return inTransaction(connection -> register(connection, List.of(household)));
            } catch (RuntimeException e) {
                if (!idNumberTaken(e)) {
                    throw e;
                }
                Registered rejected = new Registered();
                rejected.reject(List.of(new RowError(household.source().firstRow(), ImportColumn.ID_NUMBER.header(), "duplicate-id-number",
                        "An ID number of this household was registered a moment ago by another request.")));
                return rejected;
            }
        }

        private Registered register(Connection connection, List<PreparedHousehold> households) throws SQLException {
            Registered result = new Registered();
            Map<String, Long> rowOfIdNumber = new HashMap<>();
            for (PreparedHousehold household : households) {
                ImportedHousehold source = household.source();
                for (int i = 0; i < source.memberRows().size(); i++) {
                    rowOfIdNumber.put(source.household().members().get(i).idNumber().toUpperCase(Locale.ROOT),
                            source.memberRows().get(i));
                }
            }
            Set<String> used = registrations.usedIdNumbers(connection, rowOfIdNumber.keySet());
            List<PreparedHousehold> accepted = new ArrayList<>(households.size());
            for (PreparedHousehold household : households) {
                List<RowError> taken = household.entity().members.stream()
                        .map(member -> member.idNumber)
                        .filter(used::contains)
                        .map(idNumber -> new RowError(rowOfIdNumber.get(idNumber), ImportColumn.ID_NUMBER.header(),
                                "duplicate-id-number", "This ID number is already registered for a current member of the register."))
                        .toList();
                if (taken.isEmpty()) {
                    accepted.add(household);
                } else {
                    result.reject(taken);
                }
            }
            if (accepted.isEmpty()) {
                return result;
            }
            Map<String, Integer> serials = reserveSerials(connection, accepted);
            List<RegistrationRecord> records = new ArrayList<>(accepted.size());
            for (PreparedHousehold household : accepted) {
                HouseholdEntity entity = household.entity();
                int serial = serials.merge(entity.villageCode, 1, Integer::sum) - 1;
                entity.householdNo = HouseholdFactory.householdNo(entity.villageCode, serial);
                records.add(record(household));
            }
            registrations.insert(connection, records, job.actor());
            outboxRecorded.fire(new OutboxRecorded(REGISTERED.topic()));
            result.registered += records.size();
            return result;
        }

        /** The first serial of each village's households in this batch; households are numbered in file order. */
        private Map<String, Integer> reserveSerials(Connection connection, List<PreparedHousehold> households) throws SQLException {
            Map<String, Integer> counts = new LinkedHashMap<>();
            households.forEach(household -> counts.merge(household.entity().villageCode, 1, Integer::sum));
            Map<String, Integer> first = new HashMap<>();
            for (Map.Entry<String, Integer> village : counts.entrySet()) {
                first.put(village.getKey(), registrations.reserveSerials(connection, village.getKey(), village.getValue()));
            }
            return first;
        }

        /** The household's event, now that it has its number; its history was written while it was read. */
        private RegistrationRecord record(PreparedHousehold prepared) {
            HouseholdEntity household = prepared.entity();
            CloudEvent event = codec.envelope(RowIds.next().toString(), outbox.source(), household.id.toString(),
                    household.createdAt, HouseholdEvents.registered(household));
            return new RegistrationRecord(household, UUID.fromString(event.id()),
                    REGISTERED.type().substring(0, REGISTERED.type().indexOf('.')), REGISTERED.topic(), REGISTERED.type(),
                    codec.toJson(event), household.createdAt, prepared.historyChanges());
        }

        /** Commits the batch's rejected rows (up to fupin.import.max-errors per job) and progress. */
        private void recordProgress(Connection connection, Batch batch, Registered registered) throws SQLException {
            List<RowError> errors = new ArrayList<>(batch.errors);
            errors.addAll(registered.errors);
            errors.sort(Comparator.comparingLong(RowError::row));
            int keep = Math.max(0, Math.min(errors.size(), config.maxErrors() - errorsKept));
            jobs.addErrors(connection, job.id(), errors.subList(0, keep));
            jobs.progress(connection, job.id(), batch.rows, registered.registered, batch.failed + registered.rejected,
                    errors.size());
            errorsKept += keep;
        }

    }

    /**
     * The households of a household import prepared for storing on the reading thread: rows and
     * history built, only the household number (and so the event) waits for the writing transaction.
     */
    private record PreparedHousehold(ImportedHousehold source, HouseholdEntity entity, String historyChanges) {
    }

    /** Households read since the last commit: valid ones to register, and the rejected rows of the others. */
    private final class Batch {
        private final List<ImportedHousehold> valid = new ArrayList<>();
        private final List<PreparedHousehold> prepared = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private int rows;
        private int failed;

        void add(HouseholdRowGroup group, ImportValidation.Outcome outcome) {
            rows += group.rows().size();
            if (outcome.valid()) {
                valid.add(outcome.household());
                return;
            }
            errors.addAll(outcome.errors());
            // Later rows of a scattered household belong to a household counted at its first rows.
            if (group.part() != HouseholdRowGroup.Part.LATER_OF_SCATTERED) {
                failed++;
            }
        }

        int households() {
            return valid.size() + failed;
        }

        /** Builds the rows and history of the valid households; the number is given when they are stored. */
        Batch prepared(LocalDate today) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (ImportedHousehold household : valid) {
                HouseholdEntity entity = HouseholdFactory.household(household.household(), null, today, now);
                prepared.add(new PreparedHousehold(household, entity, write(HouseholdSnapshot.registration(entity))));
            }
            return this;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the history of an imported household", e);
        }
    }

    /** What storing a batch did: households registered, and households rejected for ID numbers already in use. */
    private static final class Registered {
        private final List<RowError> errors = new ArrayList<>();
        private int registered;
        private int rejected;

        void reject(List<RowError> householdErrors) {
            errors.addAll(householdErrors);
            rejected++;
        }

        void add(Registered other) {
            errors.addAll(other.errors);
            registered += other.registered;
            rejected += other.rejected;
        }
    }

    private static ImportCsv open(Path file) throws IOException {
        return ImportCsv.open(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Work on the connection of a new transaction; committed when it returns. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
        return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        });
    }

    /** A database failure while storing, unchecked so that it rolls the transaction back. */
    private static final class StoreException extends RuntimeException {

        StoreException(SQLException cause) {
            super(cause);
        }
    }

    /** Whether the failure was the unique index of ID numbers, however deeply wrapped. */
    private static boolean idNumberTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t instanceof SQLException sql && sql.getNextException() != null
                ? sql.getNextException() : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(RegistrationWriter.ID_NUMBER_INDEX)) {
                return true;
            }
        }
        return false;
    }

    /** The instance is shutting down; the job stops between two batches. */
    private static final class Interrupted extends RuntimeException {
    }
}
