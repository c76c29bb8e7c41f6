package org.fupin.suite.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fupin.suite.demo.DemoApi.Reply;
import org.fupin.suite.demo.DemoCounty.Household;

/**
 * The county's decisions as the procedure takes them (兩公示一公告): each exit and each return to poverty
 * is a case proposed by the work team, verified by the village cadre (and, for an exit, acknowledged by
 * the household), appraised by the village, shown on the village board for the notice's seven days,
 * reviewed by the township and approved and announced by the county on the day the household's new status
 * takes effect. Every step is done by the role whose step it is, with a token of that role's region, so
 * that the four-eyes rule holds as it would in the county.
 */
final class DemoCases {

    /** The village notice (村公示) the suite runs with: 7 days. */
    static final int NOTICE_DAYS = 7;

    /** What became of a household's case. */
    enum Outcome { DECIDED, UNDER_NOTICE, FAILED }

    private final DemoApi api;
    private final String casesUrl;
    private final String villageExitsUrl;
    private final String county;
    private final DemoLoader.Tokens tokens;
    private final Map<String, String> minted = new ConcurrentHashMap<>();
    private final Checker checker;

    /** Says whether a reply is a success, counting and sampling the failures. */
    interface Checker {
        boolean check(String what, Reply reply);
    }

    DemoCases(DemoApi api, String householdBase, String county, DemoLoader.Tokens tokens, Checker checker) {
        this.api = api;
        this.casesUrl = householdBase + "/api/v1/cases";
        this.villageExitsUrl = householdBase + "/api/v1/village-exits";
        this.county = county;
        this.tokens = tokens;
        this.checker = checker;
    }

    /**
     * The exit (脫貧) of a household: proposed, verified, acknowledged and appraised on the day of the proposal,
     * the notice from that day. An exit whose notice runs past the campaign's end stays under notice; the others
     * are reviewed the day the notice ends and announced on the exit's date.
     */
    Outcome exit(Household household, String householdId) {
        LocalDate proposed = household.proposedOn();
        String caseId = open(household, householdId, "EXIT", proposed, "百日攻坚：达到退出标准");
        if (caseId == null) {
            return Outcome.FAILED;
        }
        String cadre = token("village-cadre", household.villageCode());
        boolean walked = verify(cadre, caseId, proposed, "入户核实：两不愁三保障和饮水安全达标，收入超过当年标准", household)
                && step(cadre, caseId, "acknowledgement", "{\"signedOn\":\"" + proposed + "\",\"agrees\":true}", household)
                && appraise(cadre, caseId, proposed, household);
        if (!walked) {
            return Outcome.FAILED;
        }
        if (household.confirmedOn() == null) {
            return Outcome.UNDER_NOTICE;
        }
        return decide(caseId, proposed.plusDays(NOTICE_DAYS), household.confirmedOn(), household) ? Outcome.DECIDED : Outcome.FAILED;
    }

    /**
     * The return to poverty (返貧) of an exited household flagged at risk: proposed so that the county's announcement
     * falls on the return's date, a notice's length after the appraisal.
     */
    Outcome returnToPoverty(Household household, String householdId) {
        LocalDate announced = household.returnedOn();
        LocalDate proposed = announced.minusDays(NOTICE_DAYS);
        String caseId = open(household, householdId, "RETURN", proposed, "因病返贫：回访核实收入低于标准");
        if (caseId == null) {
            return Outcome.FAILED;
        }
        String cadre = token("village-cadre", household.villageCode());
        boolean walked = verify(cadre, caseId, proposed, "入户核实：家庭成员重病，收入低于标准", household)
                && appraise(cadre, caseId, proposed, household)
                && decide(caseId, proposed.plusDays(NOTICE_DAYS), announced, household);
        return walked ? Outcome.DECIDED : Outcome.FAILED;
    }

    private boolean verify(String cadre, String caseId, LocalDate visitedOn, String findings, Household household) {
        return step(cadre, caseId, "verification", "{\"visitedOn\":\"" + visitedOn + "\",\"findings\":"
                + DemoApi.quote(findings) + ",\"agrees\":true}", household);
    }

    /**
     * A poor village's exit (貧困村出列): the township proposes it on {@code proposedOn}, the county announces it on
     * {@code decidedOn}. A village whose incidence is still over the threshold is refused by the service, which
     * counts its households itself: that is the answer, not a failure.
     */
    boolean villageExit(String villageCode, LocalDate proposedOn, LocalDate decidedOn) {
        Reply proposed = api.post(villageExitsUrl, "{\"villageCode\":\"" + villageCode + "\",\"proposedOn\":\"" + proposedOn
                + "\",\"reason\":\"贫困发生率降至3%以下，经乡镇核查申请出列\"}", null, token("township-officer", villageCode.substring(0, 9)));
        if (proposed.status() == 422 && proposed.code().equals("incidence-above-threshold")) {
            return false;
        }
        if (!checker.check("exit of village " + villageCode, proposed)) {
            return false;
        }
        return checker.check("decision on village " + villageCode, api.post(villageExitsUrl + "/" + proposed.json().getString("id")
                + "/decision", "{\"decision\":\"APPROVE\",\"decidedOn\":\"" + decidedOn + "\"}", "*", token("county-admin", county)));
    }

    private String open(Household household, String householdId, String kind, LocalDate proposedOn, String reason) {
        Reply opened = api.post(casesUrl, "{\"householdId\":\"" + householdId + "\",\"kind\":\"" + kind + "\",\"proposedOn\":\""
                + proposedOn + "\",\"reason\":" + DemoApi.quote(reason) + "}", null, token("assistance-officer", county));
        if (!checker.check(kind + " case of " + household.ref(), opened)) {
            return null;
        }
        return opened.json().getString("id");
    }

    private boolean appraise(String cadre, String caseId, LocalDate on, Household household) {
        return step(cadre, caseId, "appraisal", "{\"meetingOn\":\"" + on + "\",\"attendees\":25,\"votesFor\":23,\"votesAgainst\":1,"
                + "\"abstentions\":1,\"noticeStartsOn\":\"" + on + "\"}", household);
    }

    private boolean decide(String caseId, LocalDate reviewedOn, LocalDate announcedOn, Household household) {
        String township = token("township-officer", household.villageCode().substring(0, 9));
        return step(township, caseId, "township-review", "{\"decision\":\"APPROVE\",\"reviewedOn\":\"" + reviewedOn + "\"}", household)
                && step(token("county-admin", county), caseId, "county-decision",
                        "{\"decision\":\"APPROVE\",\"announcedOn\":\"" + announcedOn + "\"}", household);
    }

    // If-Match * : the loader is the only one acting on these cases, so any version is the one it means.
    private boolean step(String token, String caseId, String stage, String body, Household household) {
        return checker.check(stage + " of " + household.ref(), api.post(casesUrl + "/" + caseId + "/" + stage, body, "*", token));
    }

    private String token(String role, String region) {
        return minted.computeIfAbsent(role + " " + region, key -> tokens.token(role, region));
    }
}
