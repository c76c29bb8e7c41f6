package org.fupin.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void anExhaustedPoolAnUnreachableOrRestartingDatabaseAreUnavailability() {
        assertThat(DatabaseUnavailable.explains(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.explains(new JDBCConnectionException("I/O error", new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
    }

    @Test
    void otherDatabaseFailuresAndPlainDefectsAreNot() {
        assertThat(DatabaseUnavailable.explains(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new GenericJDBCException("bad grammar", new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new NullPointerException())).isFalse();
    }
}
