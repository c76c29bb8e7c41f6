package org.fupin.platform.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} on a connection of the caller's
 * transaction: the bulk path of bulk writers (the outbox's {@code recordAll}, the CSV import), with
 * no statement per row and no parameters to bind. Rows go to the server in chunks while they are
 * written, so that PostgreSQL inserts the first ones while the next are being encoded.
 */
public final class Copy {

    /** Writes the rows of one table. */
    @FunctionalInterface
    public interface RowSource {
        void write(Rows rows) throws SQLException;
    }

    private Copy() {
    }

    /**
     * Fills {@code table} (with its column list, e.g. {@code outbox_event (id, topic)}) from the source;
     * a failure half-way ends the COPY, so that the connection goes back to the pool usable.
     */
    public static void into(Connection connection, String table, RowSource source) throws SQLException {
        Rows rows = new Rows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin"));
        try {
            source.write(rows);
            rows.finish();
        } catch (SQLException | RuntimeException e) {
            try {
                rows.cancel();
            } catch (SQLException cancelFailed) {
                e.addSuppressed(cancelFailed);
            }
            throw e;
        }
    }

    /**
     * Rows in the text format of COPY: tab between columns, a line per row, \N for null, backslash,
     * tab and line breaks escaped.
     */
    public static final class Rows {

        private static final int CHUNK = 64 * 1024;

        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(CHUNK + 8 * 1024);
        private boolean firstColumn = true;

        private Rows(CopyIn copy) {
            this.copy = copy;
        }

        /** The next column's value: null, a boolean, an enum by name, text (escaped), or anything printed as it prints. */
        public Rows add(Object value) {
            if (!firstColumn) {
                text.append('\t');
            }
            firstColumn = false;
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof Boolean b) {
                text.append(b ? 't' : 'f');
            } else if (value instanceof Enum<?> e) {
                text.append(e.name());
            } else if (value instanceof String string) {
                escape(string);
            } else {
                text.append(value);
            }
            return this;
        }

        /** Ends the row. */
        public void end() throws SQLException {
            text.append('\n');
            firstColumn = true;
            if (text.length() >= CHUNK) {
                send();
            }
        }

        private void finish() throws SQLException {
            send();
            copy.endCopy();
        }

        private void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private void send() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        private void escape(String value) {
            // Most values (JSON included: it escapes its own control characters) need no escaping.
            if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                text.append(value);
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
    }
}
