package org.fupin.suite.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.fupin.suite.Progress;
import org.fupin.suite.Suite;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./suite demo [--households N] [--county CODE]}: options, the load against a running suite, and the summary. */
public final class DemoCommand {

    /** The default size: measured to load in well under two minutes on the 2-core machine of the README. */
    public static final int DEFAULT_HOUSEHOLDS = 2000;
    static final int MAX_HOUSEHOLDS = 200_000;

    /** What to load: how many households, into which county. */
    public record Options(int households, String county) {
    }

    /** {@code --households N} and {@code --county CODE} on the command line, for {@code demo} and {@code up --demo}. */
    public static final class CommandLineOptions {

        @Spec(Spec.Target.MIXEE)
        private CommandSpec command;

        private int households = DEFAULT_HOUSEHOLDS;
        private String county = DemoGenerator.DEFAULT_COUNTY;
        private boolean given;

        @Option(names = "--households", paramLabel = "N",
                description = "households to load, 1 to " + MAX_HOUSEHOLDS + " (default " + DEFAULT_HOUSEHOLDS + ")")
        void households(int value) {
            if (value < 1 || value > MAX_HOUSEHOLDS) {
                throw new ParameterException(command.commandLine(), "--households takes 1 to " + MAX_HOUSEHOLDS + ", not " + value);
            }
            households = value;
            given = true;
        }

        @Option(names = "--county", paramLabel = "CODE",
                description = "the county's 6-digit code (default " + DemoGenerator.DEFAULT_COUNTY + ")")
        void county(String code) {
            if (!code.matches("\\d{6}")) {
                throw new ParameterException(command.commandLine(), "--county takes a 6-digit code, not " + code);
            }
            county = code;
            given = true;
        }

        /** Whether either option was given: {@code up} takes them only with {@code --demo}. */
        public boolean given() {
            return given;
        }

        public Options options() {
            return new Options(households, county);
        }
    }

    private DemoCommand() {
    }

    /** The summary's lines on the month of monitoring: the signals and what they led to, the alerts and their visits. */
    static List<String> monitoringLines(DemoLoader.Monitoring m) {
        return List.of(String.format(Locale.ROOT, "  Signals      %d from the departments over the last 30 days (%d sent again changed nothing): "
                        + "%d opened an alert, %d joined one, %d under the thresholds, %d about households in the poor register, "
                        + "%d about people not registered", m.signals(), m.repeats(), m.alertsOpened(), m.outcome("ALERT_JOINED"),
                        m.outcome("NO_WARNING"), m.outcome("NOT_MONITORED"), m.outcome("UNKNOWN_PERSON")),
                String.format(Locale.ROOT, "  Alerts       %d open, %d verified: %d risks confirmed (%d approved by the township), "
                        + "%d dismissed; %d left open", m.openAlerts(), m.verified(), m.confirmed(), m.approved(), m.dismissed(),
                        m.openAlerts() - m.verified()));
    }

    /** Loads the demo county into the running suite and prints the summary; answers the loader's result. */
    public static DemoLoader.Result run(Suite suite, Options options, Progress progress, PrintStream out) {
        var ports = suite.settings().ports();
        DemoLoader.Target target = new DemoLoader.Target(suite.gatewayUrl(), "http://127.0.0.1:" + ports.household(),
                "http://127.0.0.1:" + ports.assistance());
        DemoCounty county = DemoGenerator.generate(options.county(), options.households(), DemoLoader.defaultCampaignEnd());
        DemoLoader loader = new DemoLoader(target, suite.token("county-admin", options.county()), suite::token, progress);
        if (!loader.loaded(options.county())) {
            progress.info("Demo county " + options.county() + ": " + options.households() + " households, 100-day campaign "
                    + county.campaignStart() + " to " + county.campaignEnd());
        }
        DemoLoader.Result result = loader.load(county);
        if (result.alreadyLoaded()) {
            out.println("The demo county " + options.county() + " is loaded already: nothing changed. "
                    + "(--county CODE loads another one beside it.)");
        } else {
            out.println();
            out.printf(Locale.ROOT, "Loaded in %.1f s:%n", result.took().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  Regions      %d townships, %d villages (%d poor, %d deep poverty), %d poor villages' exits "
                    + "announced%n", result.townships(), result.villages(), result.poorVillages(), result.deepPovertyVillages(),
                    result.villageExits());
            out.printf(Locale.ROOT, "  Households   %d (%d people), %d assessments, %d exits, %d under public notice, "
                    + "%d flagged at risk after their exit, %d returned to poverty%n", result.households(), result.members(),
                    result.assessments(), result.exits(), result.exitsPending(), result.risksFlagged(), result.returns());
            out.printf(Locale.ROOT, "  Assistance   %d groups, %d units, %d helpers, %d work teams, %d war zones%n", result.groups(),
                    result.units(), result.helpers(), result.workTeams(), result.warZones());
            out.printf(Locale.ROOT, "  Pairings     %d with villages, %d helpers with households%n", result.villagePairings(),
                    result.helperPairings());
            out.printf(Locale.ROOT, "  Ledger       %d measures (%d confirmed by their households), %d visits%n", result.measures(),
                    result.measuresConfirmed(), result.visits());
            monitoringLines(result.monitoring()).forEach(out::println);
            if (result.failures() > 0) {
                out.println("  Refused      " + result.failures() + " requests, e.g.:");
                result.failureSamples().forEach(sample -> out.println("               " + sample));
            }
        }
        out.println("Dashboard    " + suite.gatewayUrl() + "/dashboard with a token of ./suite token analyst " + options.county()
                + " (reports follow the events within seconds)");
        out.println("Overview     curl -H \"Authorization: Bearer $(./suite token analyst " + options.county() + ")\" "
                + suite.gatewayUrl() + "/api/v1/reports/overview");
        return result;
    }
}
