package org.fupin.household.cases.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.domain.CaseRules;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.config.CasesConfig;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.registry.service.HouseholdTransitions;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.security.RegionScope;

/**
 * The stages people do, each in one transaction: {@link CaseRules} decides, {@link CaseRecorder} keeps the
 * record, and the county's approval changes the household through {@link HouseholdTransitions}.
 */
@ApplicationScoped
public class CaseSteps {

    /** 入戶核實: the visit's date and findings, and whether the case holds. */
    public record Verification(LocalDate visitedOn, String findings, boolean agrees) {
    }

    /** 貧困戶認可: the household's signed yes or no, and its reason for a no. */
    public record Acknowledgement(LocalDate signedOn, boolean agrees, String reason) {
    }

    /** 民主評議: the meeting's date, how many attended, the votes, and the day the notice went on the board (null: today). */
    public record Appraisal(LocalDate meetingOn, int attendees, int votesFor, int votesAgainst, int abstentions,
            LocalDate noticeStartsOn) {
    }

    /** 鄉鎮審核 or 縣審定公告: approve, or send back (township) / reject (county), on a date, with a reason. */
    public record Decision(boolean approves, LocalDate on, String reason) {
    }

    private final CaseLoader cases;
    private final CaseRecorder recorder;
    private final HouseholdTransitions households;
    private final CasesConfig config;
    private final RegistryConfig registry;

    public CaseSteps(CaseLoader cases, CaseRecorder recorder, HouseholdTransitions households, CasesConfig config,
            RegistryConfig registry) {
        this.cases = cases;
        this.recorder = recorder;
        this.households = households;
        this.config = config;
        this.registry = registry;
    }

    @Transactional
    public CaseEntity verify(UUID id, Verification visit, ExpectedVersion expected, RegionScope scope, Actor actor) {
        CaseEntity c = load(id, expected, scope);
        CaseRules.Outcome outcome = CaseRules.verify(c.state(), visit.visitedOn(), visit.agrees(), context(actor));
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("visitedOn", visit.visitedOn().toString());
        evidence.put("findings", visit.findings());
        evidence.put("agrees", visit.agrees());
        recorder.completed(c, outcome.state(), outcome.stage(), outcome.result(), visit.visitedOn(), actor,
                visit.agrees() ? null : visit.findings(), evidence);
        return c;
    }

    @Transactional
    public CaseEntity acknowledge(UUID id, Acknowledgement signed, ExpectedVersion expected, RegionScope scope, Actor actor) {
        CaseEntity c = load(id, expected, scope);
        CaseRules.Outcome outcome = CaseRules.acknowledge(c.state(), signed.signedOn(), signed.agrees(), signed.reason(),
                context(actor));
        recorder.completed(c, outcome.state(), outcome.stage(), outcome.result(), signed.signedOn(), actor, signed.reason(),
                Map.of("signedOn", signed.signedOn().toString(), "agrees", signed.agrees()));
        return c;
    }

    @Transactional
    public CaseEntity appraise(UUID id, Appraisal meeting, ExpectedVersion expected, RegionScope scope, Actor actor) {
        CaseEntity c = load(id, expected, scope);
        CaseRules.Context context = context(actor);
        LocalDate noticeStartsOn = meeting.noticeStartsOn() == null ? context.today() : meeting.noticeStartsOn();
        CaseRules.Outcome outcome = CaseRules.appraise(c.state(), meeting.meetingOn(), meeting.attendees(), meeting.votesFor(),
                meeting.votesAgainst(), meeting.abstentions(), noticeStartsOn, context);
        recorder.completed(c, outcome.state(), outcome.stage(), outcome.result(), meeting.meetingOn(), actor, null,
                Map.of("meetingOn", meeting.meetingOn().toString(), "attendees", meeting.attendees(), "votesFor", meeting.votesFor(),
                        "votesAgainst", meeting.votesAgainst(), "abstentions", meeting.abstentions()));
        return c;
    }

    @Transactional
    public CaseEntity review(UUID id, Decision review, ExpectedVersion expected, RegionScope scope, Actor actor) {
        CaseEntity c = load(id, expected, scope);
        CaseRules.Outcome outcome = CaseRules.review(c.state(), review.approves(), review.on(), review.reason(), context(actor));
        recorder.completed(c, outcome.state(), outcome.stage(), outcome.result(), review.on(), actor, review.reason(),
                Map.of("reviewedOn", review.on().toString(), "approves", review.approves()));
        return c;
    }

    /** 縣審定公告: approval changes the household's status, effective on the announcement's date. */
    @Transactional
    public CaseEntity decide(UUID id, Decision decision, ExpectedVersion expected, RegionScope scope, Actor actor) {
        CaseEntity c = load(id, expected, scope);
        CaseRules.Outcome outcome = CaseRules.decide(c.state(), decision.approves(), decision.on(), decision.reason(),
                context(actor));
        recorder.completed(c, outcome.state(), Stage.COUNTY_APPROVAL, outcome.result(), decision.on(), actor, decision.reason(),
                Map.of("announcedOn", decision.on().toString(), "approves", decision.approves()));
        if (c.status == CaseStatus.APPROVED) {
            households.decide(c.householdId, c.kind.decides(), decision.on(), actor.display(), c.id);
        }
        return c;
    }

    private CaseEntity load(UUID id, ExpectedVersion expected, RegionScope scope) {
        CaseEntity c = cases.inScope(id, scope);
        expected.check(c.version);
        return c;
    }

    private CaseRules.Context context(Actor actor) {
        return new CaseRules.Context(LocalDate.now(registry.zone()), actor.id(), config.noticeDays());
    }
}
