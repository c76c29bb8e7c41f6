package org.fupin.suite.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.fupin.suite.demo.DemoApi.DemoException;
import org.fupin.suite.demo.DemoApi.Reply;
import org.fupin.suite.demo.DemoCounty.FollowUp;
import org.fupin.suite.demo.DemoCounty.MonitoringMonth;
import org.fupin.suite.demo.DemoCounty.Signal;
import org.fupin.suite.demo.DemoCounty.Verdict;

/**
 * The month of monitoring (防止返貧動態監測) through the API: the departments' exchange sends the month's signals in
 * batches with an integrator's token of the county, the signals' outcomes are read back, and the open alerts are
 * visited: the village cadre verifies (入戶核實) and, for a confirmed risk, a township officer, someone else, approves
 * (鄉鎮審核) the household's monitoring. Alerts open on the day their signal arrives, so each step is dated the day its
 * alert opened.
 */
final class DemoMonitoring {

    /** Signals per request, the most a batch takes. */
    static final int BATCH = 500;
    private static final int PAGE = 500;

    /** What became of an open alert. */
    enum Worked {
        /** Not visited during the load. */
        LEFT_OPEN,
        DISMISSED,
        /** The risk confirmed, waiting for the township. */
        CONFIRMED,
        /** Confirmed and approved: the household is monitored. */
        APPROVED,
        /** The verification was refused. */
        NOT_VERIFIED,
        /** Confirmed, but the township's approval was refused. */
        NOT_DECIDED
    }

    private final DemoApi api;
    private final String signalsUrl;
    private final String alertsUrl;
    private final String county;
    private final DemoLoader.Tokens tokens;
    private final DemoCases.Checker checker;
    private final Map<String, String> minted = new ConcurrentHashMap<>();

    DemoMonitoring(DemoApi api, String householdBase, String county, DemoLoader.Tokens tokens, DemoCases.Checker checker) {
        this.api = api;
        this.signalsUrl = householdBase + "/api/v1/signals";
        this.alertsUrl = householdBase + "/api/v1/monitoring-alerts";
        this.county = county;
        this.tokens = tokens;
        this.checker = checker;
    }

    /** The body of one signal; {@code householdNumber} where it names the household rather than a person. */
    static String json(Signal signal, String householdNumber) {
        StringBuilder json = new StringBuilder("{\"signalId\":").append(DemoApi.quote(signal.signalId()))
                .append(",\"department\":\"").append(signal.department()).append("\",\"kind\":\"").append(signal.kind()).append('"');
        if (signal.byHouseholdNumber()) {
            json.append(",\"householdNumber\":").append(DemoApi.quote(householdNumber));
        } else {
            json.append(",\"idNumber\":\"").append(signal.idNumber()).append('"');
        }
        json.append(",\"occurredOn\":\"").append(signal.occurredOn()).append('"');
        if (signal.amount() != null) {
            json.append(",\"amount\":").append(signal.amount().toPlainString());
        }
        if (signal.note() != null) {
            json.append(",\"note\":").append(DemoApi.quote(signal.note()));
        }
        return json.append('}').toString();
    }

    /**
     * The request bodies: the month's signals {@value #BATCH} at a time, then, in a batch of their own, those a department
     * sends again. A signal naming a household by a number it does not have (its import was refused) is left out.
     */
    static List<String> batches(MonitoringMonth month, Map<Integer, String> householdNumbers) {
        List<String> batches = new ArrayList<>();
        for (List<Signal> part : List.of(month.signals(), month.resent())) {
            List<String> bodies = part.stream().filter(s -> !s.byHouseholdNumber() || householdNumbers.containsKey(s.household()))
                    .map(s -> json(s, householdNumbers.get(s.household()))).toList();
            for (int from = 0; from < bodies.size(); from += BATCH) {
                batches.add("{\"signals\":[" + String.join(",", bodies.subList(from, Math.min(bodies.size(), from + BATCH))) + "]}");
            }
        }
        return batches;
    }

    /** The verification of a visit that confirms or dismisses the risk, dated {@code on}. */
    static String verification(FollowUp followUp, LocalDate on) {
        boolean confirmed = followUp.verdict() == Verdict.CONFIRM || followUp.verdict() == Verdict.CONFIRM_AND_APPROVE;
        return "{\"verifiedOn\":\"" + on + "\",\"outcome\":\"" + (confirmed ? "RISK_CONFIRMED" : "DISMISSED") + "\""
                + (confirmed ? ",\"riskType\":\"" + followUp.riskType() + "\"" : "") + ",\"findings\":" + DemoApi.quote(followUp.findings()) + "}";
    }

    static String approval(LocalDate on) {
        return "{\"decision\":\"APPROVE\",\"decidedOn\":\"" + on + "\"}";
    }

    /** Sends the batches one after the other, in the month's order; answers {signals received, repeats that changed nothing}. */
    long[] send(List<String> batches) {
        String integrator = token("integrator", county);
        long created = 0;
        long repeats = 0;
        for (int b = 0; b < batches.size(); b++) {
            Reply reply = api.post(signalsUrl + "/batch", batches.get(b), null, integrator);
            if (!checker.check("signal batch " + (b + 1) + " of " + batches.size(), reply)) {
                continue;
            }
            for (JsonValue receipt : reply.jsonArray()) {
                if (receipt.asJsonObject().getBoolean("created")) {
                    created++;
                } else {
                    repeats++;
                }
            }
        }
        return new long[] { created, repeats };
    }

    /** What the month's signals led to, by outcome (ALERT_OPENED, ALERT_JOINED, NO_WARNING...), as the county's list shows them. */
    Map<String, Long> outcomes(MonitoringMonth month) {
        Set<String> ours = month.signals().stream().map(s -> s.department() + " " + s.signalId()).collect(Collectors.toSet());
        Map<String, Long> outcomes = new TreeMap<>();
        for (JsonObject signal : all(signalsUrl + "?region=" + county)) {
            if (ours.contains(signal.getString("department") + " " + signal.getString("signalId"))) {
                outcomes.merge(signal.getString("outcome"), 1L, Long::sum);
            }
        }
        return outcomes;
    }

    /** The county's open alerts, the month's and any a helper's visit opened. */
    List<JsonObject> openAlerts() {
        return all(alertsUrl + "?status=OPEN&region=" + county);
    }

    /**
     * The visit to an open alert, as its follow-up says, by the village's cadre; a confirmed risk then approved by the
     * township's officer. An alert without a follow-up (a household the campaign did not leave monitored) stays open.
     */
    Worked work(JsonObject alert, FollowUp followUp, String label) {
        if (followUp == null || followUp.verdict() == Verdict.LEAVE_OPEN) {
            return Worked.LEFT_OPEN;
        }
        String url = alertsUrl + "/" + alert.getString("id");
        String village = alert.getString("villageCode");
        LocalDate opened = LocalDate.parse(alert.getString("openedOn"));
        if (!checker.check("verification of the alert of " + label, api.post(url + "/verification", verification(followUp, opened), null,
                token("village-cadre", village)))) {
            return Worked.NOT_VERIFIED;
        }
        switch (followUp.verdict()) {
            case DISMISS -> {
                return Worked.DISMISSED;
            }
            case CONFIRM -> {
                return Worked.CONFIRMED;
            }
            default -> {
                // Four eyes: the township officer's token has another subject than the village cadre's who verified.
                return checker.check("approval of the alert of " + label, api.post(url + "/decision", approval(opened), null,
                        token("township-officer", village.substring(0, 9)))) ? Worked.APPROVED : Worked.NOT_DECIDED;
            }
        }
    }

    /** Every item of a list, page after page. */
    private List<JsonObject> all(String url) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get(url + "&limit=" + PAGE + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            if (!page.ok()) {
                throw new DemoException("GET " + url + " answered " + page.status() + ": " + page.body());
            }
            JsonObject json = page.json();
            json.getJsonArray("items").forEach(item -> items.add(item.asJsonObject()));
            cursor = json.containsKey("nextCursor") && !json.isNull("nextCursor") ? json.getString("nextCursor") : null;
        } while (cursor != null);
        return items;
    }

    private String token(String role, String region) {
        return minted.computeIfAbsent(role + " " + region, key -> tokens.token(role, region));
    }
}
