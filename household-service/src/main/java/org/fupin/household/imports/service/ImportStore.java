package org.fupin.household.imports.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.imports.domain.ImportColumn;
import org.fupin.household.imports.domain.ImportedHousehold;
import org.fupin.household.imports.domain.RowError;
import org.fupin.household.imports.persistence.ImportJobWriter;
import org.fupin.household.imports.persistence.RegistrationRecord;
import org.fupin.household.imports.persistence.RegistrationWriter;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdEvents;
import org.fupin.household.registry.service.HouseholdFactory;
import org.fupin.platform.outbox.Outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Stores the batches of an import: registers a batch's households in one transaction exactly as
 * the API registers one (rows, gap-free numbers, {@code household.registered} through the outbox,
 * history), with the job's progress and rejected rows in the same transaction; household by
 * household when an ID number was taken meanwhile, so that only the colliding household is rejected.
 */
@ApplicationScoped
// Made at start, not at the first import: its counters are there, at 0, for the dashboard from the start.
@Startup
public class ImportStore {

    /** What a job has stored so far: how many rejected rows it kept (up to fupin.import.max-errors). */
    static final class JobProgress {
        private final UUID jobId;
        private final String actor;
        private int errorsKept;

        JobProgress(UUID jobId, String actor) {
            this.jobId = jobId;
            this.actor = actor;
        }
    }

    private final ImportTransactions transactions;
    private final RegistrationWriter registrations;
    private final ImportJobWriter jobs;
    private final Outbox outbox;
    private final ImportConfig config;

    private final Counter rowsRead;
    private final Counter householdsRegistered;
    private final Counter householdsRefused;

    public ImportStore(ImportTransactions transactions, RegistrationWriter registrations, ImportJobWriter jobs, Outbox outbox,
            ImportConfig config, MeterRegistry metrics) {
        this.rowsRead = Counter.builder("fupin.import.rows").description("CSV rows read by imports").register(metrics);
        this.householdsRegistered = Counter.builder("fupin.import.households").tag("outcome", "registered")
                .description("Households of imports, by outcome").register(metrics);
        this.householdsRefused = Counter.builder("fupin.import.households").tag("outcome", "refused")
                .description("Households of imports, by outcome").register(metrics);
        this.transactions = transactions;
        this.registrations = registrations;
        this.jobs = jobs;
        this.outbox = outbox;
        this.config = config;
    }

    /** Registers a batch in one transaction, or household by household if an ID number was taken meanwhile. */
    void store(ImportBatch batch, JobProgress progress) {
        try {
            Registered registered = transactions.inTransaction(connection -> {
                Registered stored = register(connection, batch.prepared(), progress.actor);
                recordProgress(connection, batch, stored, progress);
                return stored;
            });
            counted(batch, registered);
        } catch (RuntimeException e) {
            if (!idNumberTaken(e)) {
                throw e;
            }
            // A household registered through the API after our check took one of the ID numbers.
            Registered registered = new Registered();
            for (ImportBatch.Prepared household : batch.prepared()) {
                registered.add(registerAlone(household, progress.actor));
            }
            transactions.inTransaction(connection -> {
                recordProgress(connection, batch, registered, progress);
                return null;
            });
            counted(batch, registered);
        }
    }

    /** What operators watch of imports (Prometheus): rows read, households registered and refused, once committed. */
    private void counted(ImportBatch batch, Registered registered) {
        rowsRead.increment(batch.rows());
        householdsRegistered.increment(registered.registered);
        householdsRefused.increment(batch.failed() + registered.rejected);
    }

    private Registered registerAlone(ImportBatch.Prepared household, String actor) {
        try {
            return transactions.inTransaction(connection -> register(connection, List.of(household), actor));
        } catch (RuntimeException e) {
            if (!idNumberTaken(e)) {
                throw e;
            }
            Registered rejected = new Registered();
            rejected.reject(List.of(new RowError(household.source().firstRow(), ImportColumn.ID_NUMBER.header(),
                    "duplicate-id-number", "An ID number of this household was registered a moment ago by another request.")));
            return rejected;
        }
    }

    private Registered register(Connection connection, List<ImportBatch.Prepared> households, String actor) throws SQLException {
        Registered result = new Registered();
        Map<String, Long> rowOfIdNumber = new HashMap<>();
        for (ImportBatch.Prepared household : households) {
            ImportedHousehold source = household.source();
            for (int i = 0; i < source.memberRows().size(); i++) {
                rowOfIdNumber.put(source.household().members().get(i).idNumber().toUpperCase(Locale.ROOT), source.memberRows().get(i));
            }
        }
        Set<String> used = registrations.usedIdNumbers(connection, rowOfIdNumber.keySet());
        List<ImportBatch.Prepared> accepted = new ArrayList<>(households.size());
        for (ImportBatch.Prepared household : households) {
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
        List<Outbox.Pending> events = new ArrayList<>(accepted.size());
        for (ImportBatch.Prepared household : accepted) {
            HouseholdEntity entity = household.entity();
            int serial = serials.merge(entity.villageCode, 1, Integer::sum) - 1;
            entity.householdNo = HouseholdFactory.householdNo(entity.villageCode, serial);
            records.add(new RegistrationRecord(entity, entity.createdAt, household.historyChanges()));
            events.add(new Outbox.Pending(entity.id.toString(), HouseholdEvents.registered(entity)));
        }
        registrations.insert(connection, records, actor);
        outbox.recordAll(connection, events);
        result.registered += records.size();
        return result;
    }

    /** The first serial of each village's households in this batch; households are numbered in file order. */
    private Map<String, Integer> reserveSerials(Connection connection, List<ImportBatch.Prepared> households) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        households.forEach(household -> counts.merge(household.entity().villageCode, 1, Integer::sum));
        Map<String, Integer> first = new HashMap<>();
        for (Map.Entry<String, Integer> village : counts.entrySet()) {
            first.put(village.getKey(), registrations.reserveSerials(connection, village.getKey(), village.getValue()));
        }
        return first;
    }

    /** Commits the batch's rejected rows (up to fupin.import.max-errors per job) and progress. */
    private void recordProgress(Connection connection, ImportBatch batch, Registered registered, JobProgress progress)
            throws SQLException {
        List<RowError> errors = new ArrayList<>(batch.errors());
        errors.addAll(registered.errors);
        errors.sort(Comparator.comparingLong(RowError::row));
        int keep = Math.max(0, Math.min(errors.size(), config.maxErrors() - progress.errorsKept));
        jobs.addErrors(connection, progress.jobId, errors.subList(0, keep));
        jobs.progress(connection, progress.jobId, batch.rows(), registered.registered, batch.failed() + registered.rejected,
                errors.size());
        progress.errorsKept += keep;
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
}
