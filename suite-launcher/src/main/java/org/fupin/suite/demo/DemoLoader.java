package org.fupin.suite.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.fupin.suite.Progress;
import org.fupin.suite.demo.DemoApi.DemoException;
import org.fupin.suite.demo.DemoApi.Reply;
import org.fupin.suite.demo.DemoCounty.Assessment;
import org.fupin.suite.demo.DemoCounty.Household;
import org.fupin.suite.demo.DemoCounty.Measure;
import org.fupin.suite.demo.DemoCounty.Region;

/**
 * Loads a {@link DemoCounty} through the public API. Writes go straight to household-service and
 * assistance-service: a bulk load of thousands of requests a minute would spend most of its time
 * in the gateway's rate limit (6,000 a minute for a county admin), and the services check the
 * same token and roles themselves. Reports are read through the gateway, as the dashboard does.
 */
public final class DemoLoader {

    /** Where the loader sends its requests; every URL without a trailing slash. */
    /** Mints the token of a role in a region (the suite's {@code token}). */
    public interface Tokens {
        String token(String role, String region);
    }

    public record Target(String gateway, String household, String assistance) {
    }

    /** What was created, counted from the services' answers. */
    public record Result(boolean alreadyLoaded, String countyCode, int townships, int villages, int poorVillages,
            int deepPovertyVillages, long households, long members, long assessments, long exits, long exitsPending,
            long risksFlagged, long returns, long villageExits, long groups, long units, long helpers, long workTeams, long warZones,
            long villagePairings, long helperPairings, long measures, long measuresConfirmed, long visits, Monitoring monitoring,
            long failures, List<String> failureSamples, Duration took) {
    }

    /**
     * The month of monitoring as household-service answered: the signals it received and the repeats that changed
     * nothing; what the month's signals led to, by outcome (UNKNOWN_PERSON, NOT_MONITORED, NO_WARNING, ALERT_OPENED,
     * ALERT_JOINED); the county's open alerts after them (helpers' visits may have opened some too) and what their
     * verification visits did; {@code newlyMonitored}: the approvals that made an EXITED household MONITORED.
     */
    public record Monitoring(long signals, long repeats, Map<String, Long> outcomes, long openAlerts, long verified, long confirmed,
            long approved, long dismissed, long newlyMonitored) {

        static final Monitoring NONE = new Monitoring(0, 0, Map.of(), 0, 0, 0, 0, 0, 0);

        public long outcome(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        /** Alerts the month's signals opened; the others joined an alert open already. */
        public long alertsOpened() {
            return outcome("ALERT_OPENED");
        }
    }

    static final int STEPS = 9;
    /** Requests in flight per service: enough to keep its database busy while commits wait on the disk. */
    private static final int THREADS = 12;
    private static final int VISIT_BATCH = 500;
    private static final int LIST_PAGE = 500;

    private final Target target;
    private final DemoApi api;
    private final Tokens tokens;
    private final Progress progress;
    private final AtomicLong failures = new AtomicLong();
    private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());

    /** {@code tokens} mints the token of a role in a region: each step of a case is done by the role whose step it is. */
    public DemoLoader(Target target, String countyAdminToken, Tokens tokens, Progress progress) {
        this.target = target;
        this.api = new DemoApi(countyAdminToken);
        this.tokens = tokens;
        this.progress = progress;
    }

    /** Whether a region with the county's code exists: then {@link #load} leaves it alone. */
    public boolean loaded(String countyCode) {
        return api.get(target.household() + "/api/v1/regions/" + countyCode).status() == 200;
    }

    /** Loads the county unless a region with its code exists already (then answers {@code alreadyLoaded} and changes nothing). */
    public Result load(DemoCounty county) {
        long started = System.nanoTime();
        Reply existing = api.get(target.household() + "/api/v1/regions/" + county.countyCode());
        if (existing.status() == 200) {
            return new Result(true, county.countyCode(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    Monitoring.NONE, 0, List.of(), Duration.ofNanos(System.nanoTime() - started));
        }
        if (existing.status() != 404) {
            throw new DemoException("GET region " + county.countyCode() + " answered " + existing.status() + ": " + existing.body());
        }
        progress.plan(STEPS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ExecutorService background = Executors.newFixedThreadPool(THREADS);
        try {
            // The organisation lives in assistance-service and needs no region: it is made while the regions are.
            Ids ids = new Ids();
            Future<?> organisation = background.submit(() -> organisation(county, ids, background));
            regions(county, pool);
            long registered = importHouseholds(county);
            Map<Integer, String> numbers = new ConcurrentHashMap<>();
            Map<Integer, String> households = householdIds(county, numbers);
            Progress.Step organisationStep = progress.step("Groups, units, helpers");
            join(organisation);
            organisationStep.done(ids.groups.size() + " groups, " + ids.units.size() + " units, " + ids.helpers.size() + " helpers");
            // Assessments and exits are household-service's work, the rest assistance-service's: both at once. One
            // after the other the 2,000-household county took 651 s (the cases alone 281 s), side by side 454 s.
            long[] lifecycle = new long[5];
            Future<?> lifecycleRun = background.submit(() -> System.arraycopy(lifecycle(county, households, background), 0, lifecycle, 0, 5));
            long[] teams = workTeams(county, ids, pool);
            long[] pairings = pairings(county, ids, households, pool);
            long[] measures = measures(county, ids, households, pool);
            long visits = visits(county, ids, households, pool);
            Progress.Step lifecycleStep = progress.step("Assessments and exits");
            join(lifecycleRun);
            long villageExits = villageExits(county, pool);
            lifecycleStep.done(lifecycle[0] + " assessments, " + lifecycle[1] + " exits, " + lifecycle[2] + " under public notice, "
                    + lifecycle[3] + " flagged at risk, " + lifecycle[4] + " returned to poverty, " + villageExits + " village exits");
            // Last: the households stand as the campaign left them, and the alerts open on the day the signals arrive.
            Monitoring monitoring = monitoring(county, households, numbers, pool);
            List<Region> villages = county.villages();
            return new Result(false, county.countyCode(), county.townships().size(), villages.size(),
                    (int) villages.stream().filter(Region::poorVillage).count(),
                    (int) villages.stream().filter(Region::deepPoverty).count(), registered,
                    county.households().stream().filter(h -> households.containsKey(index(h))).mapToLong(h -> h.members().size()).sum(),
                    lifecycle[0], lifecycle[1], lifecycle[2], lifecycle[3], lifecycle[4], villageExits, ids.groups.size(), ids.units.size(),
                    ids.helpers.size(), teams[0], teams[1], pairings[0], pairings[1], measures[0], measures[1], visits, monitoring, failures.get(),
                    List.copyOf(failureSamples), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
            background.shutdownNow();
            progress.plan(0);
        }
    }

    private void join(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof DemoException demo ? demo : new DemoException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    // --- regions ---------------------------------------------------------------------------------

    private void regions(DemoCounty county, ExecutorService pool) {
        Progress.Step step = progress.step("Regions");
        List<Region> regions = county.regions();
        Counter counter = new Counter(step, regions.size());
        // Parents before children: the county, then the townships, then the villages.
        for (String level : List.of("COUNTY", "TOWNSHIP", "VILLAGE")) {
            List<Region> ofLevel = regions.stream().filter(r -> r.level().equals(level)).toList();
            long ok = parallel(pool, ofLevel, counter, region -> {
                String body = "{\"name\":" + DemoApi.quote(region.name()) + ",\"level\":\"" + region.level() + "\",\"parentCode\":"
                        + DemoApi.quote(region.parentCode()) + ",\"ruralPopulation\":" + region.ruralPopulation()
                        + ",\"poorVillage\":" + region.poorVillage() + ",\"deepPoverty\":" + region.deepPoverty() + "}";
                return check("region " + region.code(), api.put(target.household() + "/api/v1/regions/" + region.code(), body));
            });
            if (ok != ofLevel.size()) {
                throw new DemoException((ofLevel.size() - ok) + " regions of level " + level + " were refused: " + failureSamples);
            }
        }
        step.done(county.townships().size() + " townships, " + county.villages().size() + " villages ("
                + county.villages().stream().filter(Region::poorVillage).count() + " poor, "
                + county.villages().stream().filter(Region::deepPoverty).count() + " deep poverty)");
    }

    // --- groups, units, helpers, war zones -----------------------------------------------------

    private static final class Ids {
        final Map<Integer, String> groups = new ConcurrentHashMap<>();
        final Map<Integer, String> units = new ConcurrentHashMap<>();
        final Map<Integer, String> helpers = new ConcurrentHashMap<>();
    }

    /** Runs in the background, while the regions and households are loaded: no bar of its own. */
    private void organisation(DemoCounty county, Ids ids, ExecutorService pool) {
        Counter counter = new Counter(null, 0);
        String base = target.assistance() + "/api/v1/";
        parallel(pool, indices(county.groups().size()), counter, g -> created(
                api.post(base + "assistance-groups", "{\"name\":" + DemoApi.quote(county.groups().get(g).name()) + "}", null),
                "group " + g, ids.groups, g));
        parallel(pool, indices(county.units().size()), counter, u -> {
            DemoCounty.Unit unit = county.units().get(u);
            String group = unit.group() < 0 ? "null" : DemoApi.quote(ids.groups.get(unit.group()));
            return created(api.post(base + "units", "{\"name\":" + DemoApi.quote(unit.name()) + ",\"type\":\"" + unit.type()
                    + "\",\"groupId\":" + group + "}", null), "unit " + u, ids.units, u);
        });
        parallel(pool, indices(county.helpers().size()), counter, h -> {
            DemoCounty.Helper helper = county.helpers().get(h);
            String unit = ids.units.get(helper.unit());
            if (unit == null) {
                return fail("helper " + h + ": its unit was not created");
            }
            return created(api.post(base + "helpers", "{\"name\":" + DemoApi.quote(helper.name()) + ",\"phone\":"
                    + DemoApi.quote(helper.phone()) + ",\"unitId\":\"" + unit + "\",\"kind\":\"" + helper.kind()
                    + "\",\"maxHouseholds\":" + helper.maxHouseholds() + "}", null), "helper " + h, ids.helpers, h);
        });
    }

    // --- households ------------------------------------------------------------------------------

    private long importHouseholds(DemoCounty county) {
        Progress.Step step = progress.step("Households (CSV import)");
        byte[] csv = DemoCsv.of(county).getBytes(StandardCharsets.UTF_8);
        Reply accepted = api.postCsv(target.household() + "/api/v1/household-imports", csv, "demo-" + sha256(csv));
        if (accepted.status() != 202 && accepted.status() != 200) {
            throw new DemoException("the import was refused (" + accepted.status() + "): " + accepted.body());
        }
        String job = accepted.json().getString("jobId");
        while (true) {
            Reply poll = api.get(target.household() + "/api/v1/household-imports/" + job);
            if (!poll.ok()) {
                throw new DemoException("import job " + job + " answered " + poll.status() + ": " + poll.body());
            }
            JsonObject status = poll.json();
            step.bar(status.getJsonNumber("processed").longValue(), status.getJsonNumber("total").longValue());
            String state = status.getString("status");
            if (state.equals("COMPLETED")) {
                long succeeded = status.getJsonNumber("succeeded").longValue();
                long failed = status.getJsonNumber("failed").longValue();
                if (failed > 0) {
                    failures.addAndGet(failed);
                    sample("import: " + failed + " households refused, e.g. " + status.get("errors"));
                }
                step.done(succeeded + " households, " + county.members() + " people" + (failed > 0 ? ", " + failed + " refused" : ""));
                return succeeded;
            }
            if (state.equals("FAILED")) {
                throw new DemoException("import job " + job + " failed: " + status);
            }
            DemoApi.sleep(250);
        }
    }

    /**
     * The server's id of every imported household, found by its head's ID number (unique in the registry); its number
     * in the register (householdNo, which the server assigns) goes into {@code numbers}.
     */
    private Map<Integer, String> householdIds(DemoCounty county, Map<Integer, String> numbers) {
        Map<String, Integer> byHead = new java.util.HashMap<>();
        for (int i = 0; i < county.households().size(); i++) {
            byHead.put(county.households().get(i).head().idNumber(), i);
        }
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        String cursor = null;
        do {
            Reply page = api.get(target.household() + "/api/v1/households?region=" + county.countyCode() + "&limit=" + LIST_PAGE
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            if (!page.ok()) {
                throw new DemoException("listing the households answered " + page.status() + ": " + page.body());
            }
            JsonObject json = page.json();
            for (JsonValue item : json.getJsonArray("items")) {
                JsonObject household = item.asJsonObject();
                Integer index = byHead.get(household.getString("headIdNumber", ""));
                if (index != null) {
                    ids.put(index, household.getString("id"));
                    String number = household.getString("householdNo", null);
                    if (number != null) {
                        numbers.put(index, number);
                    }
                }
            }
            cursor = json.containsKey("nextCursor") && !json.isNull("nextCursor") ? json.getString("nextCursor") : null;
        } while (cursor != null);
        return ids;
    }

    /**
     * Assessments, then exits with their public notice, then the risk flags and returns after an exit:
     * {assessments, exits confirmed, exits under notice, flagged at risk, returned}.
     */
    private long[] lifecycle(DemoCounty county, Map<Integer, String> ids, ExecutorService pool) {
        List<Integer> assessed = indices(county.households().size()).stream()
                .filter(i -> ids.containsKey(i) && county.households().get(i).assessment() != null).toList();
        AtomicLong assessments = new AtomicLong();
        AtomicLong exits = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        AtomicLong flagged = new AtomicLong();
        AtomicLong returned = new AtomicLong();
        String base = target.household() + "/api/v1/households/";
        DemoCases cases = new DemoCases(api, target.household(), county.countyCode(), tokens, this::check);
        parallel(pool, assessed, new Counter(null, 0), i -> {
            Household household = county.households().get(i);
            String id = ids.get(i);
            Assessment a = household.assessment();
            String body = "{\"assessedOn\":\"" + a.assessedOn() + "\",\"food\":" + a.food() + ",\"clothing\":" + a.clothing()
                    + ",\"compulsoryEducation\":" + a.compulsoryEducation() + ",\"basicMedical\":" + a.basicMedical()
                    + ",\"housingSafetyGrade\":\"" + a.housingSafetyGrade() + "\",\"drinkingWater\":" + a.drinkingWater()
                    + ",\"annualIncomePerCapita\":" + a.annualIncomePerCapita().toPlainString() + "}";
            if (!check("assessment of " + household.ref(), api.post(base + id + "/assessments", body, null))) {
                return false;
            }
            assessments.incrementAndGet();
            if (household.proposedOn() == null) {
                return true;
            }
            DemoCases.Outcome exit = cases.exit(household, id);
            if (exit == DemoCases.Outcome.UNDER_NOTICE) {
                pending.incrementAndGet();
            }
            if (exit != DemoCases.Outcome.DECIDED) {
                return exit != DemoCases.Outcome.FAILED;
            }
            exits.incrementAndGet();
            if (household.riskFlaggedOn() == null) {
                return true;
            }
            // Monitoring stays a transition of its own; If-Match * : the loader is the only writer of these households.
            if (!check("risk flag of " + household.ref(), api.post(base + id + "/transitions", "{\"action\":\"FLAG_RISK\",\"effectiveDate\":\""
                    + household.riskFlaggedOn() + "\",\"riskType\":\"" + household.riskType() + "\",\"reason\":\"回访发现返贫风险\"}", "*"))) {
                return false;
            }
            flagged.incrementAndGet();
            if (household.returnedOn() == null) {
                return true;
            }
            if (cases.returnToPoverty(household, id) != DemoCases.Outcome.DECIDED) {
                return false;
            }
            returned.incrementAndGet();
            return true;
        });
        return new long[] { assessments.get(), exits.get(), pending.get(), flagged.get(), returned.get() };
    }

    /**
     * Village exits (貧困村出列) at the campaign's end, once every household decision is in: each poor village
     * with an exit decided in the campaign is proposed by its township five days before the end and announced
     * by the county on the last day; the service refuses those still over the incidence threshold.
     */
    private long villageExits(DemoCounty county, ExecutorService pool) {
        Set<String> withExits = county.households().stream().filter(h -> h.confirmedOn() != null).map(Household::villageCode)
                .collect(Collectors.toSet());
        List<String> candidates = county.villages().stream().filter(Region::poorVillage).map(Region::code)
                .filter(withExits::contains).toList();
        DemoCases decisions = new DemoCases(api, target.household(), county.countyCode(), tokens, this::check);
        AtomicLong decided = new AtomicLong();
        LocalDate end = county.campaignEnd();
        parallel(pool, candidates, new Counter(null, 0), village -> {
            if (decisions.villageExit(village, end.minusDays(5), end)) {
                decided.incrementAndGet();
            }
            return true;
        });
        return decided.get();
    }

    // --- monitoring ------------------------------------------------------------------------------

    /**
     * The month of monitoring (防止返貧動態監測) at the campaign's end: the departments' signals of the last 30 days in
     * batches, what they led to, then the county's open alerts, half of them visited and most confirmed risks approved.
     */
    private Monitoring monitoring(DemoCounty county, Map<Integer, String> households, Map<Integer, String> numbers, ExecutorService pool) {
        Progress.Step step = progress.step("Signals and alerts (30 days)");
        DemoCounty.MonitoringMonth month = county.monitoring();
        DemoMonitoring monitoring = new DemoMonitoring(api, target.household(), county.countyCode(), tokens, this::check);
        // The county is loaded by now: a step of the month that fails is counted and the load goes on to its summary.
        long[] received = { 0, 0 };
        Map<String, Long> outcomes = Map.of();
        List<JsonObject> open = List.of();
        try {
            received = monitoring.send(DemoMonitoring.batches(month, numbers));
            outcomes = monitoring.outcomes(month);
            open = monitoring.openAlerts();
        } catch (DemoException e) {
            fail("monitoring: " + e.getMessage());
        }
        Map<String, Integer> indexOf = new java.util.HashMap<>();
        households.forEach((index, id) -> indexOf.put(id, index));
        Map<DemoMonitoring.Worked, AtomicLong> worked = new java.util.EnumMap<>(DemoMonitoring.Worked.class);
        for (DemoMonitoring.Worked outcome : DemoMonitoring.Worked.values()) {
            worked.put(outcome, new AtomicLong());
        }
        AtomicLong newlyMonitored = new AtomicLong();
        parallel(pool, open, new Counter(step, open.size()), alert -> {
            Integer index = indexOf.get(alert.getString("householdId"));
            Household household = index == null ? null : county.households().get(index);
            DemoMonitoring.Worked outcome = monitoring.work(alert, index == null ? null : month.followUps().get(index),
                    household == null ? "household " + alert.getString("householdId") : household.ref());
            worked.get(outcome).incrementAndGet();
            if (outcome == DemoMonitoring.Worked.APPROVED && household.statusAtCampaignEnd().equals("EXITED")) {
                newlyMonitored.incrementAndGet();
            }
            return outcome != DemoMonitoring.Worked.NOT_VERIFIED && outcome != DemoMonitoring.Worked.NOT_DECIDED;
        });
        long approved = worked.get(DemoMonitoring.Worked.APPROVED).get();
        long confirmed = approved + worked.get(DemoMonitoring.Worked.CONFIRMED).get() + worked.get(DemoMonitoring.Worked.NOT_DECIDED).get();
        long dismissed = worked.get(DemoMonitoring.Worked.DISMISSED).get();
        Monitoring result = new Monitoring(received[0], received[1], Map.copyOf(outcomes), open.size(), confirmed + dismissed, confirmed,
                approved, dismissed, newlyMonitored.get());
        step.done(result.signals() + " signals (" + result.repeats() + " repeats), " + result.alertsOpened() + " alerts opened; "
                + result.verified() + " of " + result.openAlerts() + " open alerts verified, " + confirmed + " risks confirmed, "
                + approved + " approved, " + dismissed + " dismissed");
        return result;
    }

    // --- assistance ------------------------------------------------------------------------------

    private long[] workTeams(DemoCounty county, Ids ids, ExecutorService pool) {
        Progress.Step step = progress.step("Work teams, war zones");
        String base = target.assistance() + "/api/v1/";
        Counter counter = new Counter(step, county.workTeams().size() + county.warZones().size());
        long teams = parallel(pool, county.workTeams(), counter, team -> {
            String members = team.members().stream().map(m -> "\"" + ids.helpers.get(m) + "\"").collect(Collectors.joining(","));
            return check("work team of " + team.villageCode(), api.post(base + "work-teams", "{\"villageCode\":\"" + team.villageCode()
                    + "\",\"leaderId\":\"" + ids.helpers.get(team.leader()) + "\",\"memberIds\":[" + members + "],\"startDate\":\""
                    + team.startDate() + "\"}", null));
        });
        long zones = parallel(pool, county.warZones(), counter, zone -> check("war zone " + zone.name(), api.post(base + "war-zones",
                "{\"name\":" + DemoApi.quote(zone.name()) + ",\"leaderId\":\"" + ids.helpers.get(zone.leader()) + "\",\"townshipCodes\":["
                        + zone.townshipCodes().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",")) + "]}", null)));
        step.done(teams + " work teams, " + zones + " war zones");
        return new long[] { teams, zones };
    }

    /** {village pairings, helper pairings}. */
    private long[] pairings(DemoCounty county, Ids ids, Map<Integer, String> households, ExecutorService pool) {
        Progress.Step step = progress.step("Pairings");
        String url = target.assistance() + "/api/v1/pairings";
        List<Integer> paired = indices(county.households().size()).stream().filter(households::containsKey).toList();
        Counter counter = new Counter(step, county.villagePairings().size() + paired.size());
        long villages = parallel(pool, county.villagePairings(), counter, pairing -> {
            boolean unit = pairing.kind().equals("UNIT_VILLAGE");
            String party = unit ? "\"unitId\":\"" + ids.units.get(pairing.party()) + "\"" : "\"groupId\":\"" + ids.groups.get(pairing.party()) + "\"";
            return check(pairing.kind() + " " + pairing.villageCode(), api.post(url, "{\"kind\":\"" + pairing.kind() + "\"," + party
                    + ",\"villageCode\":\"" + pairing.villageCode() + "\",\"startDate\":\"" + pairing.startDate() + "\"}", null));
        });
        long helpers = parallel(pool, paired, counter, i -> {
            Household household = county.households().get(i);
            return check("pairing of " + household.ref(), api.post(url, "{\"kind\":\"HELPER_HOUSEHOLD\",\"helperId\":\""
                    + ids.helpers.get(household.helper()) + "\",\"householdId\":\"" + households.get(i) + "\",\"startDate\":\""
                    + county.campaignStart() + "\"}", null));
        });
        step.done(villages + " unit and group pairings with villages, " + helpers + " helper pairings with households");
        return new long[] { villages, helpers };
    }

    /** {measures recorded, measures the household confirmed}. */
    private long[] measures(DemoCounty county, Ids ids, Map<Integer, String> households, ExecutorService pool) {
        Progress.Step step = progress.step("Measures");
        String url = target.assistance() + "/api/v1/measures";
        record Item(String target, String providerKind, String providerId, Measure measure, String label) {
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < county.households().size(); i++) {
            Household household = county.households().get(i);
            if (households.containsKey(i)) {
                for (Measure measure : household.measures()) {
                    items.add(new Item("\"householdId\":\"" + households.get(i) + "\"", "HELPER", ids.helpers.get(household.helper()),
                            measure, "measure of " + household.ref()));
                }
            }
        }
        for (DemoCounty.VillageMeasure measure : county.villageMeasures()) {
            items.add(new Item("\"villageCode\":\"" + measure.villageCode() + "\"", "GROUP", ids.groups.get(measure.group()),
                    measure.measure(), "measure of " + measure.villageCode()));
        }
        AtomicLong confirmed = new AtomicLong();
        long recorded = parallel(pool, items, new Counter(step, items.size()), item -> {
            Reply reply = api.post(url, "{\"type\":\"" + item.measure().type() + "\"," + item.target() + ",\"provider\":{\"kind\":\""
                    + item.providerKind() + "\",\"id\":\"" + item.providerId() + "\"},\"amount\":" + item.measure().amount().toPlainString()
                    + ",\"startedOn\":\"" + item.measure().startedOn() + "\",\"status\":\"" + item.measure().status()
                    + "\",\"description\":" + DemoApi.quote(item.measure().description()) + "}", null);
            if (!check(item.label(), reply)) {
                return false;
            }
            if (item.measure().confirmedOn() != null) {
                if (!check("confirmation of " + item.label(), api.post(url + "/" + reply.json().getString("id") + "/confirmations",
                        "{\"confirmedOn\":\"" + item.measure().confirmedOn() + "\"}", null))) {
                    return false;
                }
                confirmed.incrementAndGet();
            }
            return true;
        });
        step.done(recorded + " measures, " + confirmed.get() + " confirmed by their households");
        return new long[] { recorded, confirmed.get() };
    }

    private long visits(DemoCounty county, Ids ids, Map<Integer, String> households, ExecutorService pool) {
        Progress.Step step = progress.step("Visits (batches of 500)");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < county.households().size(); i++) {
            Household household = county.households().get(i);
            if (households.containsKey(i)) {
                for (DemoCounty.Visit visit : household.visits()) {
                    items.add("{\"id\":\"" + visit.id() + "\",\"helperId\":\"" + ids.helpers.get(household.helper()) + "\",\"householdId\":\""
                            + households.get(i) + "\",\"visitedAt\":\"" + visit.visitedAt() + "\",\"notes\":" + DemoApi.quote(visit.notes())
                            + ",\"riskObserved\":" + visit.riskObserved() + "}");
                }
            }
        }
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += VISIT_BATCH) {
            batches.add(items.subList(from, Math.min(items.size(), from + VISIT_BATCH)));
        }
        AtomicLong accepted = new AtomicLong();
        parallel(pool, batches, new Counter(step, batches.size()), batch -> {
            Reply reply = api.post(target.assistance() + "/api/v1/visits/batch", "{\"visits\":[" + String.join(",", batch) + "]}", null);
            if (!check("visit batch", reply)) {
                return false;
            }
            for (JsonValue result : reply.json().getJsonArray("results")) {
                String status = result.asJsonObject().getString("status");
                if (status.equals("ACCEPTED") || status.equals("DUPLICATE")) {
                    accepted.incrementAndGet();
                } else {
                    fail("visit " + result.asJsonObject().getString("id") + ": " + result.asJsonObject().getString("code", "")
                            + " " + result.asJsonObject().getString("message", ""));
                }
            }
            return true;
        });
        step.done(accepted.get() + " visits");
        return accepted.get();
    }

    // --- plumbing --------------------------------------------------------------------------------

    /** Counts finished items of a step and draws its bar. */
    private static final class Counter {
        private final Progress.Step step;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        Counter(Progress.Step step, long total) {
            this.step = step;
            this.total = total;
        }

        void tick() {
            long now = done.incrementAndGet();
            if (step == null) {
                return;
            }
            synchronized (this) {
                step.bar(now, total);
            }
        }
    }

    /** Runs the action on every item on the pool; answers how many succeeded. */
    private <T> long parallel(ExecutorService pool, List<T> items, Counter counter, Predicate<T> action) {
        AtomicLong ok = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> {
                try {
                    if (action.test(item)) {
                        ok.incrementAndGet();
                    }
                } catch (DemoException e) {
                    fail(e.getMessage());
                } finally {
                    counter.tick();
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                fail(String.valueOf(e.getCause()));
            }
        }
        return ok.get();
    }

    private boolean created(Reply reply, String what, Map<Integer, String> ids, int index) {
        if (!check(what, reply)) {
            return false;
        }
        ids.put(index, reply.json().getString("id"));
        return true;
    }

    private boolean check(String what, Reply reply) {
        if (reply.ok()) {
            return true;
        }
        return fail(what + ": " + reply.status() + " " + reply.code() + " " + abbreviate(reply.body()));
    }

    private boolean fail(String message) {
        failures.incrementAndGet();
        sample(message);
        return false;
    }

    private void sample(String message) {
        if (failureSamples.size() < 5) {
            failureSamples.add(message);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static List<Integer> indices(int count) {
        List<Integer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(i);
        }
        return list;
    }

    private static int index(Household household) {
        return Integer.parseInt(household.ref().substring(1)) - 1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The campaign's last day: yesterday in the county's zone, so that no effective date lies in the services' future. */
    public static LocalDate defaultCampaignEnd() {
        return LocalDate.now(DemoGenerator.ZONE).minusDays(1);
    }
}
