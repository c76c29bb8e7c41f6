package org.fupin.suite.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.fupin.suite.Progress;
import org.fupin.suite.Suite;

/** {@code ./suite demo [--households N] [--county CODE]}: options, the load against a running suite, and the summary. */
public final class DemoCommand {

    /** The default size: measured to load in well under two minutes on the 2-core machine of the README. */
    public static final int DEFAULT_HOUSEHOLDS = 2000;
    static final int MAX_HOUSEHOLDS = 200_000;

    /** Parsed options; {@code error} is set (and the rest meaningless) when they do not parse. */
    public record Options(int households, String county, String error) {
    }

    private DemoCommand() {
    }

    /** Parses {@code --households N} and {@code --county CODE}; other options are left to the caller through {@code allowed}. */
    public static Options parse(List<String> arguments, List<String> allowed) {
        int households = DEFAULT_HOUSEHOLDS;
        String county = DemoGenerator.DEFAULT_COUNTY;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (allowed.contains(argument)) {
                continue;
            }
            if ((argument.equals("--households") || argument.equals("--county")) && i + 1 >= arguments.size()) {
                return new Options(0, null, argument + " needs a value");
            }
            if (argument.equals("--households")) {
                try {
                    households = Integer.parseInt(arguments.get(++i));
                } catch (NumberFormatException e) {
                    return new Options(0, null, "--households takes a number, not " + arguments.get(i));
                }
                if (households < 1 || households > MAX_HOUSEHOLDS) {
                    return new Options(0, null, "--households takes 1 to " + MAX_HOUSEHOLDS + ", not " + households);
                }
            } else if (argument.equals("--county")) {
                county = arguments.get(++i);
                if (!county.matches("\\d{6}")) {
                    return new Options(0, null, "--county takes a 6-digit code, not " + county);
                }
            } else {
                return new Options(0, null, "unknown option " + argument);
            }
        }
        return new Options(households, county, null);
    }

    /** Loads the demo county into the running suite and prints the summary; answers the loader's result. */
    public static DemoLoader.Result run(Suite suite, Options options, Progress progress, PrintStream out) {
        var ports = suite.settings().ports();
        DemoLoader.Target target = new DemoLoader.Target(suite.gatewayUrl(), "http://127.0.0.1:" + ports.household(),
                "http://127.0.0.1:" + ports.assistance());
        DemoCounty county = DemoGenerator.generate(options.county(), options.households(), DemoLoader.defaultCampaignEnd());
        DemoLoader loader = new DemoLoader(target, suite.token("county-admin", options.county()), progress);
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
            out.printf(Locale.ROOT, "  Regions      %d townships, %d villages (%d poor, %d deep poverty)%n", result.townships(),
                    result.villages(), result.poorVillages(), result.deepPovertyVillages());
            out.printf(Locale.ROOT, "  Households   %d (%d people), %d assessments, %d exits, %d under public notice, "
                    + "%d flagged at risk after their exit, %d returned to poverty%n", result.households(), result.members(),
                    result.assessments(), result.exits(), result.exitsPending(), result.risksFlagged(), result.returns());
            out.printf(Locale.ROOT, "  Assistance   %d groups, %d units, %d helpers, %d work teams, %d war zones%n", result.groups(),
                    result.units(), result.helpers(), result.workTeams(), result.warZones());
            out.printf(Locale.ROOT, "  Pairings     %d with villages, %d helpers with households%n", result.villagePairings(),
                    result.helperPairings());
            out.printf(Locale.ROOT, "  Ledger       %d measures (%d confirmed by their households), %d visits%n", result.measures(),
                    result.measuresConfirmed(), result.visits());
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
