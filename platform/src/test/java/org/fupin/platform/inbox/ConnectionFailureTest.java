package org.fupin.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * What the consumer counts as "the database is unreachable" (waited out, never dead-lettered)
 * and what as a failure of the record (retried a few times, then dead-lettered).
 */
class ConnectionFailureTest {

    @Test
    void refusedConnectionOfTheRealDriverIsAConnectionFailure() {
        Throwable refused = catchThrowable(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/fupin?connectTimeout=2",
                "fupin", "fupin"));

        assertThat(refused).isInstanceOf(SQLException.class);
        assertThat(IdempotentConsumer.isConnectionFailure(refused)).isTrue();
        assertThat(IdempotentConsumer.isConnectionFailure(new RuntimeException("transaction failed", refused))).isTrue();
    }

    @Test
    void hibernatesConnectionExceptionIsAConnectionFailure() {
        assertThat(IdempotentConsumer.isConnectionFailure(new IllegalStateException(
                new JDBCConnectionException("could not open", new SQLException("gone", "08006"))))).isTrue();
    }

    @Test
    void poolThatCannotHandOutAConnectionIsAConnectionFailure() {
        assertThat(IdempotentConsumer.isConnectionFailure(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void constraintViolationIsAFailureOfTheRecord() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(IdempotentConsumer.isConnectionFailure(new ConstraintViolationException("insert failed", unique, "pk"))).isFalse();
    }

    @Test
    void handlerBugIsAFailureOfTheRecord() {
        assertThat(IdempotentConsumer.isConnectionFailure(new NullPointerException("village"))).isFalse();
    }
}
