package org.fupin.household.cases.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * The procedure of a case (兩公示一公告): which stage may be done now, by whom and when, and where each
 * outcome leads. Pure: the service loads the case, asks here, and stores what comes back.
 *
 * <ul>
 * <li>Stages go in the order of the case's kind; a step for any other stage is refused
 *     ({@code stage-not-open}), as is any step of a closed case ({@code case-closed}).</li>
 * <li>Four eyes: whoever proposed the case may not verify it, review it, approve it or rule on an
 *     objection to it ({@code same-person}).</li>
 * <li>A notice stage runs by itself; the stage after it may act once it is over ({@code notice-not-over})
 *     and no objection waits for a finding ({@code objection-pending}).</li>
 * <li>A step is dated no later than today and no earlier than the case's previous step.</li>
 * </ul>
 */
public final class CaseRules {

    /** Where the procedure leads after a step: the new state, and what the step itself was. */
    public record Outcome(CaseState state, Stage stage, String result) {
    }

    /** What a step is judged against besides the case: today, who acts, and the notice length. */
    public record Context(LocalDate today, String actor, int noticeDays) {
    }

    private CaseRules() {
    }

    /** A new case, at the stage after its proposal. */
    public static CaseState open(CaseKind kind, String proposer, LocalDate proposedOn, LocalDate today) {
        StepDates.require("proposedOn", proposedOn, null, today);
        return new CaseState(kind, CaseStatus.OPEN, kind.after(Stage.PROPOSAL), proposedOn, null, null, proposer, proposedOn);
    }

    /** 入戶核實: agreeing moves the case on; disagreeing stops it. */
    public static Outcome verify(CaseState state, LocalDate visitedOn, boolean agrees, Context context) {
        requireStep(state, Stage.VERIFICATION, context);
        requireOtherThanProposer(state, context, Stage.VERIFICATION);
        StepDates.require("visitedOn", visitedOn, state.lastActedOn(), context.today());
        if (!agrees) {
            return new Outcome(state.closed(CaseStatus.STOPPED, visitedOn), Stage.VERIFICATION, "DISAGREED");
        }
        return new Outcome(next(state, Stage.VERIFICATION, visitedOn, context), Stage.VERIFICATION, "AGREED");
    }

    /** 貧困戶認可 (EXIT only): the household's signed yes moves the case on; a no stops it, with a reason. */
    public static Outcome acknowledge(CaseState state, LocalDate signedOn, boolean agrees, String reason, Context context) {
        requireStep(state, Stage.ACKNOWLEDGEMENT, context);
        StepDates.require("signedOn", signedOn, state.lastActedOn(), context.today());
        if (!agrees) {
            requireReason(reason, "A household that does not agree to exit gives its reason.");
            return new Outcome(state.closed(CaseStatus.STOPPED, signedOn), Stage.ACKNOWLEDGEMENT, "REFUSED");
        }
        return new Outcome(next(state, Stage.ACKNOWLEDGEMENT, signedOn, context), Stage.ACKNOWLEDGEMENT, "AGREED");
    }

    /**
     * 民主評議: the votes of those present; more than half of them must be for. The village notice starts
     * the day it went on the board: not before the meeting, not after today.
     */
    public static Outcome appraise(CaseState state, LocalDate meetingOn, int attendees, int votesFor, int votesAgainst,
            int abstentions, LocalDate noticeStartsOn, Context context) {
        requireStep(state, Stage.APPRAISAL, context);
        StepDates.require("meetingOn", meetingOn, state.lastActedOn(), context.today());
        StepDates.require("noticeStartsOn", noticeStartsOn, meetingOn, context.today());
        if (votesFor + votesAgainst + abstentions > attendees) {
            throw Refusal.invalid("attendees", "votes-exceed-attendees",
                    "For, against and abstentions add up to more than the " + attendees + " present.");
        }
        if (votesFor * 2 <= attendees) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "majority-not-reached",
                    votesFor + " of " + attendees + " present voted for; more than half must. Withdraw the case if the meeting "
                            + "decided against it.", List.of(new Violation("votesFor", "majority-not-reached",
                                    "More than half of those present.", Map.of("min", attendees / 2 + 1))));
        }
        return new Outcome(next(state, Stage.APPRAISAL, noticeStartsOn, context), Stage.APPRAISAL, "PASSED");
    }

    /** 鄉鎮審核: approval moves the case on; sending it back returns it to verification, with a reason. */
    public static Outcome review(CaseState state, boolean approves, LocalDate reviewedOn, String reason, Context context) {
        requireNoticeOver(state, Stage.TOWNSHIP_REVIEW, context);
        requireOtherThanProposer(state, context, Stage.TOWNSHIP_REVIEW);
        StepDates.require("reviewedOn", reviewedOn, lastOrNoticeEnd(state), context.today());
        if (!approves) {
            requireReason(reason, "Sending a case back needs a reason.");
            return new Outcome(state.at(Stage.VERIFICATION, reviewedOn), Stage.TOWNSHIP_REVIEW, "SENT_BACK");
        }
        return new Outcome(next(state.at(Stage.TOWNSHIP_REVIEW, reviewedOn), Stage.TOWNSHIP_REVIEW, reviewedOn, context),
                Stage.TOWNSHIP_REVIEW, "APPROVED");
    }

    /** 縣審定公告: approval ends the case and changes the household on the announcement's date; rejection needs a reason. */
    public static Outcome decide(CaseState state, boolean approves, LocalDate announcedOn, String reason, Context context) {
        requireNoticeOver(state, Stage.COUNTY_APPROVAL, context);
        requireOtherThanProposer(state, context, Stage.COUNTY_APPROVAL);
        StepDates.require("announcedOn", announcedOn, lastOrNoticeEnd(state), context.today());
        if (!approves) {
            requireReason(reason, "A rejection needs a reason.");
            return new Outcome(state.closed(CaseStatus.REJECTED, announcedOn), Stage.COUNTY_APPROVAL, "REJECTED");
        }
        return new Outcome(state.closed(CaseStatus.APPROVED, announcedOn), Stage.COUNTY_APPROVAL, "APPROVED");
    }

    /**
     * 異議: filed on a day the notice ran (the day it was received, which for a hotline call relayed later
     * may be before today), also while the case already waits for a finding on another objection; the
     * case stops until the township's findings.
     */
    public static CaseState object(CaseState state, LocalDate filedOn, LocalDate today) {
        requireOpenCase(state);
        if (!state.stage().isNotice()) {
            throw Refusal.conflict("no-notice-running", "Objections are filed during a public notice; this case has none.");
        }
        if (filedOn.isAfter(today)) {
            throw Refusal.invalid("filedOn", "date-in-future", "An objection cannot be dated after today.");
        }
        if (filedOn.isBefore(state.noticeStartsOn()) || !filedOn.isBefore(state.noticeEndsOn())) {
            throw Refusal.conflict("no-notice-running", "The notice ran from " + state.noticeStartsOn() + " until the day before "
                    + state.noticeEndsOn() + "; an objection of " + filedOn + " is outside it.");
        }
        return state.status() == CaseStatus.OBJECTED ? state : state.objected(filedOn);
    }

    /**
     * The township's finding on an objection. Upheld: the case stops. Dismissed, with no other objection
     * waiting: the case goes on where it was; the notice keeps its dates (it stayed on the board), so if
     * it ended meanwhile the next stage may act at once. Restarting it instead would let a run of
     * groundless objections hold a case back for ever.
     */
    public static CaseState resolveObjection(CaseState state, boolean upheld, boolean othersPending, LocalDate filedOn,
            LocalDate resolvedOn, Context context) {
        requireOpenCase(state);
        if (state.status() != CaseStatus.OBJECTED) {
            // A pending objection keeps its open case OBJECTED; the caller found one, so this is a broken record.
            throw new IllegalStateException("A pending objection of a case that is " + state.status());
        }
        requireOtherThanProposer(state, context, state.stage());
        // Found on paper, entered later: dated as the finding was made, never before the objection it answers.
        StepDates.require("resolvedOn", resolvedOn, filedOn, context.today());
        if (upheld) {
            return state.closed(CaseStatus.STOPPED, resolvedOn);
        }
        return othersPending ? state : state.resumed();
    }

    /** Withdrawn before a decision, with a reason: the proposer's mind changed, or the appraisal voted against. */
    public static CaseState withdraw(CaseState state, String reason, LocalDate today) {
        requireOpenCase(state);
        requireReason(reason, "A withdrawal needs a reason.");
        return state.closed(CaseStatus.WITHDRAWN, today);
    }

    /** The state after {@code done}: the next stage, or the next notice starting on {@code on}. */
    private static CaseState next(CaseState state, Stage done, LocalDate on, Context context) {
        Stage next = state.kind().after(done);
        return next.isNotice() ? state.noticeFrom(next, on, context.noticeDays()) : state.at(next, on);
    }

    private static void requireStep(CaseState state, Stage stage, Context context) {
        requireOpenCase(state);
        if (state.status() == CaseStatus.OBJECTED) {
            throw Refusal.conflict("objection-pending", "An objection waits for the township's finding.");
        }
        if (state.waitingAt(context.today()) != stage) {
            throw stageNotOpen(state, stage, context.today());
        }
    }

    /** For the stage after a notice: the notice must be over and no objection pending. */
    private static void requireNoticeOver(CaseState state, Stage stage, Context context) {
        requireOpenCase(state);
        if (state.status() == CaseStatus.OBJECTED) {
            throw Refusal.conflict("objection-pending", "An objection waits for the township's finding.");
        }
        if (state.stage().isNotice() && state.kind().after(state.stage()) == stage && context.today().isBefore(state.noticeEndsOn())) {
            throw Refusal.unprocessable("notice-not-over", "The " + state.stage().label() + " runs until " + state.noticeEndsOn()
                    + "; " + stage + " can follow from then.");
        }
        if (state.waitingAt(context.today()) != stage) {
            throw stageNotOpen(state, stage, context.today());
        }
    }

    private static Refusal stageNotOpen(CaseState state, Stage stage, LocalDate today) {
        if (!state.kind().stages().contains(stage)) {
            return Refusal.conflict("stage-not-open", "A " + state.kind() + " case has no " + stage + " stage.");
        }
        return Refusal.conflict("stage-not-open", "The case waits at " + state.waitingAt(today) + ", not " + stage + ".");
    }

    private static void requireOpenCase(CaseState state) {
        if (state.status().isClosed()) {
            throw Refusal.conflict("case-closed", "The case ended " + state.status() + " on " + state.lastActedOn() + ".");
        }
    }

    private static final Set<Stage> FOUR_EYES = Set.of(Stage.VERIFICATION, Stage.TOWNSHIP_REVIEW, Stage.COUNTY_APPROVAL,
            Stage.VILLAGE_NOTICE, Stage.TOWNSHIP_NOTICE);

    private static void requireOtherThanProposer(CaseState state, Context context, Stage stage) {
        if (FOUR_EYES.contains(stage) && state.proposer().equals(context.actor())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "same-person",
                    "Whoever proposed a case may not also do its " + stage + " (four eyes).");
        }
    }

    private static LocalDate lastOrNoticeEnd(CaseState state) {
        return state.stage().isNotice() ? state.noticeEndsOn() : state.lastActedOn();
    }


    private static void requireReason(String reason, String message) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "required", message);
        }
    }
}
