package org.fupin.reporting.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Rows as one array per column, bound to a statement that unnests them: one statement for any number of rows. */
final class Columns<T> {
    private final List<T> rows;
    private final List<String> types = new ArrayList<>();
    private final List<Function<T, Object>> values = new ArrayList<>();

    private Columns(List<T> rows) {
        this.rows = rows;
    }

    static <T> Columns<T> of(Collection<T> rows) {
        return new Columns<>(List.copyOf(rows));
    }

    Columns<T> column(String type, Function<T, Object> value) {
        types.add(type);
        values.add(value);
        return this;
    }

    void execute(Connection connection, String sql) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement);
            statement.executeUpdate();
        }
    }

    /** Runs a statement that returns one uuid per row it wrote, and gives those ids. */
    Set<UUID> returning(Connection connection, String sql) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement);
            try (ResultSet written = statement.executeQuery()) {
                while (written.next()) {
                    ids.add(written.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void bind(Connection connection, PreparedStatement statement) throws SQLException {
        for (int c = 0; c < types.size(); c++) {
            Function<T, Object> value = values.get(c);
            statement.setArray(c + 1, connection.createArrayOf(types.get(c), rows.stream().map(value).toArray()));
        }
    }
}
