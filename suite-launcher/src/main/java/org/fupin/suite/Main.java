package org.fupin.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fupin.suite.demo.DemoCommand;
import org.fupin.suite.demo.DemoGenerator;
import org.fupin.suite.demo.DemoLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.UnmatchedArgumentException;

/** The command line of {@code ./suite} (picocli): the commands and their options, usage, exit codes. */
@Command(name = "./suite", customSynopsis = "./suite COMMAND", commandListHeading = "%n", footerHeading = "%n",
        subcommands = { Main.Up.class, Main.Demo.class, Main.Down.class, Main.Status.class, Main.Logs.class, Main.Token.class,
                Main.MavenTest.class, Main.Postgres.class, HelpCommand.class })
public final class Main implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final int LOG_LINES = 200;

    /** Where the commands' descriptions start in the usage, after their synopses. */
    private static final int DESCRIPTION_COLUMN = 26;

    /** Wide enough that no line of the usage is wrapped. */
    private static final int USAGE_WIDTH = 120;

    @Option(names = { "-h", "--help" }, usageHelp = true, hidden = true)
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;
    private final CommandLine commandLine;
    private Suite suite;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.progress = new Progress(out, err);
        this.commandLine = new CommandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setUsageHelpWidth(USAGE_WIDTH)
                // A role or a region is never a file to read arguments from.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(this::usageError)
                .setExecutionExceptionHandler(this::failed);
        commandLine.getSubcommands().get("help").getCommandSpec().usageMessage().hidden(true);
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(help.commandSpec()));
        usage.footer("Roles: " + String.join(", ", Tokens.ROLES),
                "State lives in .suite/ (or FUPIN_SUITE_HOME); see suite-launcher/README.md for the settings.");
    }

    public static void main(String[] args) {
        // The launcher's own Kafka client would otherwise narrate every connection attempt.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        System.exit(new Main(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        try {
            return commandLine.execute(args.toArray(String[]::new));
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** {@code ./suite} without a command: the usage, and a usage error all the same. */
    @Override
    public Integer call() {
        out.print(commandLine.getUsageMessage());
        return USAGE;
    }

    /** The suite of this checkout; made only when a command needs it, so that usage errors need no settings. */
    private Suite suite() {
        if (suite == null) {
            try {
                suite = new Suite(SuiteSettings.fromEnvironment(SuiteSettings.locateRoot()), progress);
            } catch (IllegalArgumentException e) {
                throw new BadSetting(e.getMessage());
            }
        }
        return suite;
    }

    private int usageError(ParameterException problem, String[] args) {
        if (problem instanceof UnmatchedArgumentException && problem.getCommandLine() == commandLine
                && args.length > 0 && !args[0].startsWith("-")) {
            err.print(commandLine.getUsageMessage());
            return usage("unknown command '" + args[0] + "'");
        }
        return usage(problem.getMessage());
    }

    private int usage(String problem) {
        err.println("suite: " + problem);
        err.println("Run ./suite help for the commands.");
        return USAGE;
    }

    private int failed(Exception problem, CommandLine command, ParseResult parsed) {
        if (problem instanceof SuiteException failure) {
            progress.failed(failure);
            if (command.getCommandName().equals("up")) {
                err.println("What did start keeps running: ./suite status shows it, ./suite down stops it.");
            }
            return FAILED;
        }
        if (problem instanceof BadSetting) {
            err.println("suite: " + problem.getMessage());
            return FAILED;
        }
        // Not a failure the launcher foresaw (a file it cannot write, say): the trace helps whoever fixes it.
        err.println("suite: " + command.getCommandName() + " failed: " + problem.getMessage());
        problem.printStackTrace(err);
        return FAILED;
    }

    /** The commands, each its synopsis and then its description from {@link #DESCRIPTION_COLUMN} on. */
    private static String commandList(CommandSpec spec) {
        String indent = " ".repeat(DESCRIPTION_COLUMN);
        StringBuilder list = new StringBuilder();
        for (CommandLine command : spec.subcommands().values()) {
            UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            if (usage.hidden()) {
                continue;
            }
            String synopsis = "  " + usage.customSynopsis()[0].substring(spec.name().length() + 1);
            list.append(synopsis.length() <= DESCRIPTION_COLUMN - 2
                    ? synopsis + " ".repeat(DESCRIPTION_COLUMN - synopsis.length())
                    : synopsis + System.lineSeparator() + indent);
            list.append(String.join(System.lineSeparator() + indent, usage.description())).append(System.lineSeparator());
        }
        return list.toString();
    }

    /** A setting of the environment the suite cannot run with (a port that is no number, say). */
    private static final class BadSetting extends RuntimeException {
        BadSetting(String message) {
            super(message, null, false, false);
        }
    }

    @Command(name = "up", customSynopsis = "./suite up [--build] [--demo [--households N]]", description = {
            "start PostgreSQL, Kafka and the four services; --build repackages them first;",
            "--demo then loads the demo county" })
    static final class Up implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Spec
        private CommandSpec spec;

        // Accepted and left alone: ./suite packages the jars before it starts the launcher.
        @Option(names = "--build", description = "repackage the suite first (./suite does it before it starts the launcher)")
        private boolean build;

        @Option(names = "--demo", description = "then load the demo county")
        private boolean demo;

        @Mixin
        private DemoCommand.CommandLineOptions demoOptions;

        @Override
        public Integer call() {
            if (!demo && demoOptions.given()) {
                throw new ParameterException(spec.commandLine(), "--households and --county go with --demo");
            }
            Suite suite = main.suite();
            suite.up();
            long refused = 0;
            if (demo) {
                main.out.println();
                refused = DemoCommand.run(suite, demoOptions.options(), main.progress, main.out).failures();
            }
            String gateway = suite.gatewayUrl();
            main.out.println();
            main.out.println("Gateway      " + gateway);
            main.out.println("Swagger UI   " + gateway + "/docs");
            main.out.println("Dashboard    " + gateway + "/dashboard");
            main.out.println("Token        TOKEN=$(./suite token county-admin)");
            main.out.println("Stop         ./suite down");
            return refused == 0 ? OK : FAILED;
        }
    }

    @Command(name = "demo", customSynopsis = "./suite demo [--households N] [--county CODE]", description =
            "load a synthetic county (default " + DemoCommand.DEFAULT_HOUSEHOLDS + " households, county "
                    + DemoGenerator.DEFAULT_COUNTY + ") into the running suite")
    static final class Demo implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Mixin
        private DemoCommand.CommandLineOptions options;

        @Override
        public Integer call() {
            Suite suite = main.suite();
            if (suite.status().stream().anyMatch(part -> !part.part().equals("kafka") && !part.part().equals("postgres") && !part.ready())) {
                main.err.println("suite: demo needs the running suite: ./suite up (or ./suite up --demo)");
                return FAILED;
            }
            try {
                DemoLoader.Result result = DemoCommand.run(suite, options.options(), main.progress, main.out);
                return result.failures() == 0 ? OK : FAILED;
            } catch (RuntimeException e) {
                main.err.println("suite: demo failed: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "down", customSynopsis = "./suite down",
            description = "stop everything this suite started (PostgreSQL only if up started it)")
    static final class Down implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Override
        public Integer call() {
            main.suite().down();
            return OK;
        }
    }

    @Command(name = "status", customSynopsis = "./suite status", description = "what runs, on which port, and whether it is ready")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Override
        public Integer call() {
            String format = "%-11s %-8s %-8s %-6s %-6s %s";
            main.out.println(String.format(Locale.ROOT, format, "PART", "STATE", "PID", "PORT", "READY", "").stripTrailing());
            for (PartStatus part : main.suite().status()) {
                main.out.println(String.format(Locale.ROOT, format,
                        part.part(),
                        part.running() ? "running" : "stopped",
                        part.pid().isPresent() ? String.valueOf(part.pid().getAsLong()) : "-",
                        part.port(),
                        part.ready() ? "yes" : "no",
                        part.note()).stripTrailing());
            }
            return OK;
        }
    }

    @Command(name = "logs", customSynopsis = "./suite logs SERVICE [-f]",
            description = "the last " + LOG_LINES + " lines of household, assistance, reporting, webhook, gateway or kafka; -f follows")
    static final class Logs implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "SERVICE", description = "household, assistance, reporting, webhook, gateway or kafka")
        private String part;

        @Option(names = { "-f", "--follow" }, description = "follow the log as it grows, like tail -F")
        private boolean follow;

        @Override
        public Integer call() {
            Suite suite = main.suite();
            Path log;
            try {
                log = suite.logFile(part);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + ", kafka");
            }
            if (follow) {
                try {
                    return LogFiles.follow(log, LOG_LINES, main.out);
                } catch (IOException e) {
                    main.err.println("suite: cannot follow " + log + ": " + e.getMessage());
                    return FAILED;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return OK;
                }
            }
            if (!Files.isRegularFile(log)) {
                main.err.println("suite: no log yet at " + log + " (./suite up writes it)");
                return FAILED;
            }
            LogFiles.lastLines(log, LOG_LINES).stream().map(LogFiles::readable).forEach(main.out::println);
            return OK;
        }
    }

    @Command(name = "token", customSynopsis = "./suite token ROLE [REGION] [--purpose PURPOSE]",
            description = "print a signed token (12 h) for a role, scoped to a region code if given; an integrator's names a "
                    + "purpose (default statistics)")
    static final class Token implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ROLE", description = "the holder's role (the list is in ./suite help)")
        private String role;

        @Parameters(index = "1", arity = "0..1", paramLabel = "REGION", description = "the code of the region the holder works in")
        private String region;

        @Option(names = "--purpose", paramLabel = "PURPOSE",
                description = "the purpose the county granted the client (the privacy policy's role/purpose rows)")
        private String purpose;

        @Override
        public Integer call() {
            Suite suite = main.suite();
            String token;
            try {
                token = suite.token(role, region, purpose);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            // The token alone on standard output, so that TOKEN=$(./suite token county-admin) works.
            main.out.println(token);
            return OK;
        }
    }

    /** Listed for completeness: ./suite runs Maven itself and never hands {@code test} to the launcher. */
    @Command(name = "test", customSynopsis = "./suite test [MAVEN ARGS]",
            description = "ensure PostgreSQL and the test databases, then ./mvnw -B verify")
    static final class MavenTest implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Unmatched
        private List<String> mavenArguments;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "'test' runs Maven: use ./suite test");
        }
    }

    @Command(name = "postgres", customSynopsis = "./suite postgres [--with-test-databases]",
            description = "ensure PostgreSQL with the service roles and databases only")
    static final class Postgres implements Callable<Integer> {

        @ParentCommand
        private Main main;

        @Option(names = "--with-test-databases", description = "also the _test and _e2e databases of every service")
        private boolean testDatabases;

        @Override
        public Integer call() {
            main.suite().ensurePostgres(testDatabases);
            return OK;
        }
    }
}
