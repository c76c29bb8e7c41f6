package org.fupin.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL run as a PostgreSQL administrator through the {@code psql} client: as the PGUSER role over
 * TCP when one is given, else as the local {@code postgres} superuser through peer authentication.
 * The SQL goes through standard input, so passwords never appear in a command line or a log.
 */
final class Psql {

    private final SuiteSettings.Database database;
    private final Path log;

    Psql(SuiteSettings.Database database, Path log) {
        this.database = database;
        this.log = log;
    }

    /** Whether it logs in as the local superuser (root only) rather than as PGUSER. */
    boolean peer() {
        return database.adminUser() == null;
    }

    Command.Result tryRun(String sql) {
        List<String> command = new ArrayList<>();
        Command invocation;
        if (peer()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--", "psql", "-p", String.valueOf(database.port())));
            command.addAll(options());
            // The socket is the local server's whatever PGHOST says, and the postgres user cannot
            // enter root's working directory.
            invocation = Command.of(command).unsetEnv("PGHOST", "PGUSER", "PGPASSWORD", "PGDATABASE").workDir(Path.of("/"));
        } else {
            command.addAll(List.of("psql", "-h", database.host(), "-p", String.valueOf(database.port()),
                    "-U", database.adminUser(), "-w"));
            command.addAll(options());
            invocation = Command.of(command);
        }
        return invocation.env("PGCONNECT_TIMEOUT", "5")
                .input(sql)
                .inputForLog(sql.replaceAll("PASSWORD '(?:[^']|'')*'", "PASSWORD '***'"))
                .timeout(Duration.ofMinutes(2))
                .log(log)
                .run();
    }

    /** Runs the SQL and returns its output (unaligned, tuples only), failing with what psql said. */
    String run(String sql) {
        Command.Result result = tryRun(sql);
        if (!result.ok()) {
            throw new SuiteException(Postgres.PART, "psql failed: " + result.lastLine(), log);
        }
        return result.output().strip();
    }

    List<String> lines(String sql) {
        String output = run(sql);
        return output.isEmpty() ? List.of() : List.of(output.split("\n"));
    }

    /** A quoted identifier: double quotes doubled, so that no name can end the statement. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A quoted string literal, for passwords. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static List<String> options() {
        return List.of("-d", "postgres", "-X", "-v", "ON_ERROR_STOP=1", "-q", "-At");
    }
}
