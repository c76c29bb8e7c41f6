package org.fupin.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fupin.suite.demo.DemoCommand;
import org.fupin.suite.demo.DemoLoader;

/** The command line of {@code ./suite}: parses the arguments, runs the command, maps the outcome to an exit code. */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final int LOG_LINES = 200;

    private static final String USAGE_TEXT = """
            Usage: ./suite COMMAND

              up [--build] [--demo [--households N]]
                                      start PostgreSQL, Kafka and the four services; --build repackages them first;
                                      --demo then loads the demo county
              demo [--households N] [--county CODE]
                                      load a synthetic county (default %d households, county 500236) into the running suite
              down                    stop everything this suite started (PostgreSQL only if up started it)
              status                  what runs, on which port, and whether it is ready
              logs SERVICE [-f]       the last 200 lines of household, assistance, reporting, gateway or kafka; -f follows
              token ROLE [REGION]     print a signed token (12 h) for a role, scoped to a region code if given
              test [MAVEN ARGS]       ensure PostgreSQL and the test databases, then ./mvnw -B verify
              postgres [--with-test-databases]
                                      ensure PostgreSQL with the service roles and databases only

            Roles: %s
            State lives in .suite/ (or FUPIN_SUITE_HOME); see suite-launcher/README.md for the settings.
            """.formatted(DemoCommand.DEFAULT_HOUSEHOLDS, String.join(", ", Tokens.ROLES));

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // The launcher's own Kafka client would otherwise narrate every connection attempt.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        System.exit(new Main(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.get(0))) {
            out.print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        Progress progress = new Progress(out, err);
        Suite suite;
        try {
            suite = new Suite(SuiteSettings.fromEnvironment(SuiteSettings.locateRoot()), progress);
        } catch (IllegalArgumentException e) {
            err.println("suite: " + e.getMessage());
            return FAILED;
        }
        try {
            return switch (command) {
                case "up" -> up(suite, rest, progress);
                case "demo" -> demo(suite, rest, progress);
                case "down" -> noArguments(command, rest) ? down(suite) : USAGE;
                case "status" -> noArguments(command, rest) ? status(suite) : USAGE;
                case "logs" -> logs(suite, rest);
                case "token" -> token(suite, rest);
                case "postgres" -> postgres(suite, rest);
                case "test" -> usage("'test' runs Maven: use ./suite test");
                default -> {
                    err.print(USAGE_TEXT);
                    yield usage("unknown command '" + command + "'");
                }
            };
        } catch (SuiteException e) {
            progress.failed(e);
            if (command.equals("up")) {
                err.println("What did start keeps running: ./suite status shows it, ./suite down stops it.");
            }
            return FAILED;
        } catch (RuntimeException e) {
            // Not a failure the launcher foresaw (a file it cannot write, say): the trace helps whoever fixes it.
            err.println("suite: " + command + " failed: " + e.getMessage());
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private int up(Suite suite, List<String> options, Progress progress) {
        // --build is the script's business (it packages before starting the launcher).
        boolean demo = options.contains("--demo");
        DemoCommand.Options demoOptions = DemoCommand.parse(options, List.of("--build", "--demo"));
        if (demoOptions.error() != null || (!demo && options.stream().anyMatch(o -> !o.equals("--build")))) {
            List<String> unknown = options.stream().filter(option -> !option.equals("--build")).toList();
            return usage(demo ? demoOptions.error() : "up takes no " + unknown);
        }
        suite.up();
        long refused = 0;
        if (demo) {
            out.println();
            refused = DemoCommand.run(suite, demoOptions, progress, out).failures();
        }
        String gateway = suite.gatewayUrl();
        out.println();
        out.println("Gateway      " + gateway);
        out.println("Swagger UI   " + gateway + "/docs");
        out.println("Dashboard    " + gateway + "/dashboard");
        out.println("Token        TOKEN=$(./suite token county-admin)");
        out.println("Stop         ./suite down");
        return refused == 0 ? OK : FAILED;
    }

    private int demo(Suite suite, List<String> options, Progress progress) {
        DemoCommand.Options parsed = DemoCommand.parse(options, List.of());
        if (parsed.error() != null) {
            return usage("demo: " + parsed.error());
        }
        if (suite.status().stream().anyMatch(part -> !part.part().equals("kafka") && !part.part().equals("postgres") && !part.ready())) {
            err.println("suite: demo needs the running suite: ./suite up (or ./suite up --demo)");
            return FAILED;
        }
        try {
            DemoLoader.Result result = DemoCommand.run(suite, parsed, progress, out);
            return result.failures() == 0 ? OK : FAILED;
        } catch (RuntimeException e) {
            err.println("suite: demo failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int down(Suite suite) {
        suite.down();
        return OK;
    }

    private int status(Suite suite) {
        String format = "%-11s %-8s %-8s %-6s %-6s %s";
        out.println(String.format(Locale.ROOT, format, "PART", "STATE", "PID", "PORT", "READY", "").stripTrailing());
        for (PartStatus part : suite.status()) {
            out.println(String.format(Locale.ROOT, format,
                    part.part(),
                    part.running() ? "running" : "stopped",
                    part.pid().isPresent() ? String.valueOf(part.pid().getAsLong()) : "-",
                    part.port(),
                    part.ready() ? "yes" : "no",
                    part.note()).stripTrailing());
        }
        return OK;
    }

    private int logs(Suite suite, List<String> arguments) {
        List<String> names = new ArrayList<>(arguments);
        boolean follow = names.remove("-f") | names.remove("--follow");
        if (names.size() != 1) {
            return usage("logs takes one of household, assistance, reporting, gateway, kafka");
        }
        Path log;
        try {
            log = suite.logFile(names.get(0));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage() + ", kafka");
        }
        if (follow) {
            try {
                return LogFiles.follow(log, LOG_LINES);
            } catch (IOException e) {
                err.println("suite: cannot follow " + log + ": " + e.getMessage());
                return FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OK;
            }
        }
        if (!Files.isRegularFile(log)) {
            err.println("suite: no log yet at " + log + " (./suite up writes it)");
            return FAILED;
        }
        LogFiles.lastLines(log, LOG_LINES).forEach(out::println);
        return OK;
    }

    private int token(Suite suite, List<String> arguments) {
        if (arguments.isEmpty() || arguments.size() > 2) {
            return usage("token takes ROLE [REGION]; roles: " + String.join(", ", Tokens.ROLES));
        }
        try {
            // The token alone on standard output, so that TOKEN=$(./suite token county-admin) works.
            out.println(suite.token(arguments.get(0), arguments.size() == 2 ? arguments.get(1) : null));
            return OK;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int postgres(Suite suite, List<String> options) {
        List<String> unknown = options.stream().filter(option -> !option.equals("--with-test-databases")).toList();
        if (!unknown.isEmpty()) {
            return usage("postgres takes only --with-test-databases, not " + unknown);
        }
        suite.ensurePostgres(options.contains("--with-test-databases"));
        return OK;
    }

    private boolean noArguments(String command, List<String> rest) {
        if (!rest.isEmpty()) {
            usage(command + " takes no arguments, not " + rest);
            return false;
        }
        return true;
    }

    private int usage(String problem) {
        err.println("suite: " + problem);
        err.println("Run ./suite help for the commands.");
        return USAGE;
    }
}
