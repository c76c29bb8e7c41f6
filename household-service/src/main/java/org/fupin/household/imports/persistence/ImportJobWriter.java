package org.fupin.household.imports.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.imports.domain.ImportStatus;
import org.fupin.household.imports.domain.RowError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The state changes of import jobs made by the worker, in plain JDBC on the connection of the
 * caller's transaction: claiming a job, its progress after each batch, its rejected rows, its end.
 */
@ApplicationScoped
public class ImportJobWriter {

    private final ObjectMapper json;

    public ImportJobWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Takes the oldest queued job of this instance, if any; SKIP LOCKED lets two workers never take the same one. */
    public Optional<ClaimedJob> claimNext(Connection connection, String instance) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("""
                update household_import set status = 'RUNNING', started_at = now(), version = version + 1
                where id = (select id from household_import where instance = ? and status = 'QUEUED'
                            order by created_at limit 1 for update skip locked)
                returning id, actor, region_scope, file_path""")) {
            claim.setString(1, instance);
            try (ResultSet row = claim.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClaimedJob(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        Path.of(row.getString(4))));
            }
        }
    }

    /** Jobs this instance was running when its previous process stopped cannot resume: their state is unknown. */
    public int failInterrupted(Connection connection, String instance) throws SQLException {
        try (PreparedStatement fail = connection.prepareStatement("""
                update household_import set status = 'FAILED', error_message = 'interrupted', finished_at = now(),
                       version = version + 1
                where instance = ? and status = 'RUNNING'""")) {
            fail.setString(1, instance);
            return fail.executeUpdate();
        }
    }

    /** Adds what one batch achieved to the job's counters. */
    public void progress(Connection connection, UUID job, int rows, int succeeded, int failed, int errors) throws SQLException {
        try (PreparedStatement progress = connection.prepareStatement("""
                update household_import set processed = processed + ?, succeeded = succeeded + ?, failed = failed + ?,
                       error_count = error_count + ?, version = version + 1
                where id = ?""")) {
            progress.setInt(1, rows);
            progress.setInt(2, succeeded);
            progress.setInt(3, failed);
            progress.setInt(4, errors);
            progress.setObject(5, job);
            progress.executeUpdate();
        }
    }

    public void addErrors(Connection connection, UUID job, List<RowError> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into household_import_error (import_id, row_no, field, code, message, params)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""")) {
            for (RowError error : errors) {
                insert.setObject(1, job);
                insert.setLong(2, error.row());
                insert.setString(3, error.field());
                insert.setString(4, error.code());
                insert.setString(5, error.message());
                if (error.params().isEmpty()) {
                    insert.setNull(6, Types.VARCHAR);
                } else {
                    insert.setString(6, write(error.params()));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void finish(Connection connection, UUID job, ImportStatus status, String message) throws SQLException {
        try (PreparedStatement finish = connection.prepareStatement("""
                update household_import set status = ?, error_message = ?, finished_at = now(), version = version + 1
                where id = ?""")) {
            finish.setString(1, status.name());
            finish.setString(2, message);
            finish.setObject(3, job);
            finish.executeUpdate();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write error parameters", e);
        }
    }
}
