package org.fupin.household.imports.service;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The import's JDBC work, each piece in a transaction of its own on a connection of that
 * transaction (so that the outbox's JPA-free {@code recordAll} and the COPYs commit together).
 */
@ApplicationScoped
public class ImportTransactions {

    /** Long enough for a batch of thousands of households on a busy machine. */
    static final int TIMEOUT_SECONDS = 600;

    /** Work on the connection of a new transaction; committed when it returns. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A database failure, unchecked so that it rolls the transaction back. */
    static final class StoreException extends RuntimeException {

        StoreException(SQLException cause) {
            super(cause);
        }
    }

    private final AgroalDataSource dataSource;

    public ImportTransactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(SqlWork<T> work) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        });
    }
}
