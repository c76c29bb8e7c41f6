package org.fupin.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PostgreSQL server of the suite. Uses the one that answers; else, on this machine, starts
 * the installed cluster, makes one, or installs the server with apt-get (as root); else says what
 * to install or configure. Then gives each service its own role and database.
 */
final class Postgres {

    static final String PART = "PostgreSQL";

    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");

    /** A cluster as {@code pg_lsclusters} lists it. */
    record Cluster(String version, String name, int port, String status, String logFile) {

        boolean online() {
            return status.startsWith("online");
        }

        String label() {
            return version + "/" + name;
        }
    }

    private final SuiteSettings settings;
    private final SuiteSettings.Database database;
    private final Psql psql;

    Postgres(SuiteSettings settings) {
        this.settings = settings;
        this.database = settings.database();
        this.psql = new Psql(database, log());
    }

    /** The transcript of every command the launcher ran against PostgreSQL. */
    Path log() {
        return settings.logsDir().resolve("postgres.log");
    }

    /** Present while the server runs because this suite started it, so that {@code down} stops it and nothing else. */
    Path startedMarker() {
        return settings.runDir().resolve("postgres.started");
    }

    String address() {
        return database.host() + ":" + database.port();
    }

    boolean answers() {
        return PortProbe.answers(database.host(), database.port(), Duration.ofSeconds(1));
    }

    boolean startedBySuite() {
        return Files.isRegularFile(startedMarker());
    }

    /**
     * Makes sure a server answers, starting or installing the local one if need be.
     *
     * @return the outcome for the progress line
     */
    String ensureServer(Progress.Step step) {
        if (answers()) {
            return "running at " + address();
        }
        if (!database.local()) {
            throw new SuiteException(PART, "nothing answers at " + address()
                    + "; start that server, or point PGHOST and PGPORT at one that runs", null);
        }
        if (!isRoot()) {
            throw new SuiteException(PART, "nothing answers at " + address() + "; " + whatRootShouldDo()
                    + ", then run this again; or set PGHOST, PGPORT, PGUSER and PGPASSWORD to a server you may use", null);
        }
        boolean installed = false;
        if (installedVersions().isEmpty()) {
            install(step);
            installed = true;
        }
        Optional<Cluster> existing = clusterOnOurPort();
        if (existing.isPresent() && existing.get().online() && !installed) {
            // It runs, yet nothing answered: a configuration matter, not something to start.
            throw new SuiteException(PART, "cluster " + existing.get().label() + " is online but nothing answers at "
                    + address() + "; check listen_addresses and port in /etc/postgresql/" + existing.get().version()
                    + "/" + existing.get().name() + "/postgresql.conf", null);
        }
        Cluster cluster = existing.orElseGet(() -> createCluster(step));
        if (!cluster.online()) {
            step.note("starting cluster " + cluster.label() + "...");
            Command.Result started = Command.of("pg_ctlcluster", cluster.version(), cluster.name(), "start")
                    .timeout(Duration.ofMinutes(2)).log(log()).run();
            if (!started.ok()) {
                throw new SuiteException(PART, "pg_ctlcluster " + cluster.version() + " " + cluster.name()
                        + " start failed: " + started.lastLine() + " (server log: " + cluster.logFile() + ")", log());
            }
        }
        remember(cluster);
        awaitAccepting(cluster);
        return (installed ? "installed and started" : "started") + " (cluster " + cluster.label() + ", " + address() + ")";
    }

    /**
     * One login role and one database per service with a database, owned by that role, under
     * the suite's suffix and, for the test command, the {@code _test} and {@code _e2e} suffixes too.
     *
     * @return the outcome for the progress line
     */
    String ensureDatabases(boolean testDatabases) {
        requireAdmin();
        Set<String> suffixes = new LinkedHashSet<>();
        suffixes.add(settings.databaseSuffix());
        if (testDatabases) {
            suffixes.add("_test");
            suffixes.add("_e2e");
        }
        int created = 0;
        List<String> databases = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!service.database()) {
                continue;
            }
            created += ensureRole(service.role()) ? 1 : 0;
            for (String suffix : suffixes) {
                String name = service.databaseName(suffix);
                created += ensureDatabase(name, service.role()) ? 1 : 0;
                databases.add(name);
            }
        }
        return databases.size() + " databases ready" + (created > 0 ? " (" + created + " roles/databases created)" : "");
    }

    /**
     * Stops the server if, and only if, this suite started it.
     *
     * @return the outcome for the progress line
     */
    String stopIfStarted() {
        if (!startedBySuite()) {
            return answers() ? "left running (not started by this suite)" : "not running";
        }
        try {
            String[] cluster = Files.readString(startedMarker(), StandardCharsets.UTF_8).strip().split("\\s+");
            Command.Result stopped = Command.of("pg_ctlcluster", cluster[0], cluster[1], "stop")
                    .timeout(Duration.ofMinutes(2)).log(log()).run();
            if (!stopped.ok()) {
                throw new SuiteException(PART, "pg_ctlcluster " + cluster[0] + " " + cluster[1] + " stop failed: "
                        + stopped.lastLine(), log());
            }
            Files.delete(startedMarker());
            return "stopped (cluster " + cluster[0] + "/" + cluster[1] + ")";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + startedMarker(), e);
        }
    }

    private boolean ensureRole(String role) {
        String password = Psql.literal(database.passwordOf(role));
        if (roleExists(role)) {
            // Converge: the services log in with this password, whatever an earlier run set.
            psql.run("ALTER ROLE " + Psql.identifier(role) + " WITH LOGIN PASSWORD " + password + ";");
            return false;
        }
        Command.Result result = psql.tryRun("CREATE ROLE " + Psql.identifier(role) + " LOGIN PASSWORD " + password + ";");
        // Another suite (the end-to-end tests' one) may have made it a moment ago.
        if (!result.ok() && !roleExists(role)) {
            throw new SuiteException(PART, "cannot create role " + role + ": " + result.lastLine(), log());
        }
        return result.ok();
    }

    private boolean ensureDatabase(String name, String owner) {
        if (databaseExists(name)) {
            return false;
        }
        // CREATE DATABASE cannot run in a transaction: psql runs each statement on its own.
        Command.Result result = psql.tryRun("CREATE DATABASE " + Psql.identifier(name) + " OWNER " + Psql.identifier(owner) + ";\n"
                // Database per service: the other services' roles may not even connect.
                + "REVOKE CONNECT ON DATABASE " + Psql.identifier(name) + " FROM PUBLIC;\n");
        if (!result.ok() && !databaseExists(name)) {
            throw new SuiteException(PART, "cannot create database " + name + ": " + result.lastLine(), log());
        }
        return result.ok();
    }

    private boolean roleExists(String role) {
        return psql.lines("SELECT 1 FROM pg_roles WHERE rolname = " + Psql.literal(role) + ";").contains("1");
    }

    private boolean databaseExists(String name) {
        return psql.lines("SELECT 1 FROM pg_database WHERE datname = " + Psql.literal(name) + ";").contains("1");
    }

    private void requireAdmin() {
        if (!Command.available("psql")) {
            if (isRoot() && Command.available("apt-get")) {
                aptInstall("postgresql-client");
            } else {
                throw new SuiteException(PART, "the psql client is missing: install it (Debian/Ubuntu: apt-get install postgresql-client)", null);
            }
        }
        if (psql.peer() && !(isRoot() && database.local())) {
            throw new SuiteException(PART, "cannot create the service roles and databases: set PGUSER and PGPASSWORD"
                    + " to a role of the server at " + address() + " that may create roles and databases"
                    + " (or run as root, for the local server)", null);
        }
    }

    /** The one command a user without root rights needs someone with them to run. */
    private String whatRootShouldDo() {
        if (installedVersions().isEmpty()) {
            return "PostgreSQL is not installed: install it as root (apt-get install postgresql)";
        }
        List<Cluster> clusters = clusters();
        if (clusters.isEmpty()) {
            return "create a cluster as root (pg_createcluster " + installedVersions().get(installedVersions().size() - 1)
                    + " main --port " + database.port() + " --start)";
        }
        return clusters.stream()
                .filter(cluster -> cluster.port() == database.port())
                .findFirst()
                .map(cluster -> "start it as root (pg_ctlcluster " + cluster.version() + " " + cluster.name() + " start)")
                .orElse("no cluster uses port " + database.port() + " (" + describe(clusters) + "): set PGPORT to one of"
                        + " those ports, and have root start it with pg_ctlcluster");
    }

    private static String describe(List<Cluster> clusters) {
        return "pg_lsclusters lists " + String.join(", ", clusters.stream()
                .map(cluster -> cluster.label() + " on port " + cluster.port() + " (" + cluster.status() + ")")
                .toList());
    }

    private void install(Progress.Step step) {
        if (!Command.available("apt-get")) {
            throw new SuiteException(PART, "PostgreSQL is not installed: install PostgreSQL 13 or newer with your"
                    + " package manager, or set PGHOST, PGPORT, PGUSER and PGPASSWORD to a server you may use", null);
        }
        step.note("installing postgresql with apt-get (a few minutes)...");
        aptInstall("postgresql");
    }

    private void aptInstall(String packageName) {
        Command.Result update = Command.of("apt-get", "update", "-qq").timeout(Duration.ofMinutes(10)).log(log()).run();
        if (!update.ok()) {
            throw new SuiteException(PART, "apt-get update failed: " + update.lastLine(), log());
        }
        Command.Result install = Command.of("apt-get", "install", "-y", "-qq", packageName)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .timeout(Duration.ofMinutes(20)).log(log()).run();
        if (!install.ok()) {
            throw new SuiteException(PART, "apt-get install " + packageName + " failed: " + install.lastLine(), log());
        }
    }

    private Optional<Cluster> clusterOnOurPort() {
        List<Cluster> clusters = clusters();
        Optional<Cluster> ours = clusters.stream().filter(cluster -> cluster.port() == database.port()).findFirst();
        if (ours.isEmpty() && !clusters.isEmpty()) {
            throw new SuiteException(PART, "no PostgreSQL cluster uses port " + database.port() + " (" + describe(clusters)
                    + "); set PGPORT to one of those ports", null);
        }
        return ours;
    }

    private List<Cluster> clusters() {
        if (!Command.available("pg_lsclusters")) {
            return List.of();
        }
        Command.Result listed = Command.of("pg_lsclusters", "-h").log(log()).run();
        if (!listed.ok()) {
            throw new SuiteException(PART, "pg_lsclusters failed: " + listed.lastLine(), log());
        }
        List<Cluster> clusters = new ArrayList<>();
        for (String line : listed.output().split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 7 && columns[2].matches("\\d+")) {
                clusters.add(new Cluster(columns[0], columns[1], Integer.parseInt(columns[2]), columns[3], columns[6]));
            }
        }
        return clusters;
    }

    private Cluster createCluster(Progress.Step step) {
        List<String> versions = installedVersions();
        if (versions.isEmpty()) {
            throw new SuiteException(PART, "the server binaries are missing after installation", log());
        }
        String version = versions.get(versions.size() - 1);
        step.note("creating cluster " + version + "/main...");
        Command.Result created = Command.of("pg_createcluster", version, "main", "--port", String.valueOf(database.port()), "--start")
                .timeout(Duration.ofMinutes(2)).log(log()).run();
        if (!created.ok()) {
            throw new SuiteException(PART, "pg_createcluster " + version + " main failed: " + created.lastLine(), log());
        }
        return clusterOnOurPort().orElseThrow(() ->
                new SuiteException(PART, "pg_createcluster made no cluster on port " + database.port(), log()));
    }

    /** The installed server versions, oldest first. */
    private static List<String> installedVersions() {
        if (!Files.isDirectory(INSTALL_ROOT)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            return versions.filter(directory -> Files.isExecutable(directory.resolve("bin").resolve("postgres")))
                    .map(directory -> directory.getFileName().toString())
                    .sorted(Comparator.comparingDouble(Postgres::numeric))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + INSTALL_ROOT, e);
        }
    }

    private static double numeric(String version) {
        try {
            return Double.parseDouble(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void remember(Cluster cluster) {
        try {
            Files.createDirectories(settings.runDir());
            Files.writeString(startedMarker(), cluster.version() + " " + cluster.name() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + startedMarker(), e);
        }
    }

    private void awaitAccepting(Cluster cluster) {
        long deadline = System.nanoTime() + ACCEPT_TIMEOUT.toNanos();
        while (true) {
            // The port opens before recovery ends; only a query proves that the server accepts work.
            if (answers() && psql.tryRun("SELECT 1;").ok()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SuiteException(PART, "cluster " + cluster.label() + " does not accept connections at " + address()
                        + " after " + ACCEPT_TIMEOUT.toSeconds() + " s (server log: " + cluster.logFile() + ")", log());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static boolean isRoot() {
        Command.Result id = Command.of("id", "-u").run();
        return id.ok() && id.output().strip().equals("0");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }
}
