package org.fupin.household.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.fupin.kernel.Refusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The procedure of a case, stage by stage: where each outcome leads, and what is refused with which code. */
class CaseRulesTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2019, 6, 1);
    private static final String CADRE = "cadre-li";
    private static final String TEAM = "team-wang";
    private static final String TOWNSHIP = "township-zhao";
    private static final String COUNTY = "county-chen";
    private static final int NOTICE_DAYS = 7;

    private static CaseRules.Context by(String actor, LocalDate today) {
        return new CaseRules.Context(today, actor, NOTICE_DAYS);
    }

    private static CaseState proposedExit() {
        return CaseRules.open(CaseKind.EXIT, CADRE, JUNE_1, JUNE_1);
    }

    /** An exit verified, acknowledged and appraised on June 5: under village notice until June 12. */
    private static CaseState exitUnderNotice() {
        CaseState verified = CaseRules.verify(proposedExit(), JUNE_1.plusDays(2), true, by(TEAM, JUNE_1.plusDays(2))).state();
        CaseState acknowledged = CaseRules.acknowledge(verified, JUNE_1.plusDays(3), true, null, by(CADRE, JUNE_1.plusDays(3))).state();
        return CaseRules.appraise(acknowledged, JUNE_1.plusDays(4), 20, 15, 3, 2, JUNE_1.plusDays(4), by(CADRE, JUNE_1.plusDays(4))).state();
    }

    @Nested
    class Opening {

        @Test
        void aNewCaseWaitsForVerification() {
            CaseState state = proposedExit();

            assertThat(state.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(state.stage()).isEqualTo(Stage.VERIFICATION);
            assertThat(state.proposer()).isEqualTo(CADRE);
        }

        @Test
        void aProposalCannotBeDatedInTheFuture() {
            assertThatThrownBy(() -> CaseRules.open(CaseKind.EXIT, CADRE, JUNE_1.plusDays(1), JUNE_1))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).code()).isEqualTo("date-in-future"));
        }
    }

    @Nested
    class Verification {

        @Test
        void theProposerMayNotVerify() {
            assertRefused(() -> CaseRules.verify(proposedExit(), JUNE_1, true, by(CADRE, JUNE_1)), Refusal.Kind.FORBIDDEN, "same-person");
        }

        @Test
        void agreementMovesAnExitToTheHouseholdsAcknowledgement() {
            CaseRules.Outcome outcome = CaseRules.verify(proposedExit(), JUNE_1, true, by(TEAM, JUNE_1));

            assertThat(outcome.result()).isEqualTo("AGREED");
            assertThat(outcome.state().stage()).isEqualTo(Stage.ACKNOWLEDGEMENT);
        }

        @Test
        void agreementMovesAnIdentificationToTheAppraisal() {
            CaseState identify = CaseRules.open(CaseKind.IDENTIFY, CADRE, JUNE_1, JUNE_1);

            assertThat(CaseRules.verify(identify, JUNE_1, true, by(TEAM, JUNE_1)).state().stage()).isEqualTo(Stage.APPRAISAL);
        }

        @Test
        void disagreementStopsTheCase() {
            CaseRules.Outcome outcome = CaseRules.verify(proposedExit(), JUNE_1, false, by(TEAM, JUNE_1));

            assertThat(outcome.state().status()).isEqualTo(CaseStatus.STOPPED);
            assertThat(outcome.result()).isEqualTo("DISAGREED");
        }

        @Test
        void aVisitBeforeTheProposalIsRefused() {
            assertRefused(() -> CaseRules.verify(proposedExit(), JUNE_1.minusDays(1), true, by(TEAM, JUNE_1)),
                    Refusal.Kind.UNPROCESSABLE, "date-before-previous-step");
        }
    }

    @Nested
    class StageOrder {

        @Test
        void theAppraisalCannotComeBeforeTheVerification() {
            assertRefused(() -> CaseRules.appraise(proposedExit(), JUNE_1, 10, 9, 1, 0, JUNE_1, by(TEAM, JUNE_1)),
                    Refusal.Kind.CONFLICT, "stage-not-open");
        }

        @Test
        void anIdentificationHasNoAcknowledgement() {
            CaseState identify = CaseRules.verify(CaseRules.open(CaseKind.IDENTIFY, CADRE, JUNE_1, JUNE_1), JUNE_1, true,
                    by(TEAM, JUNE_1)).state();

            assertRefused(() -> CaseRules.acknowledge(identify, JUNE_1, true, null, by(CADRE, JUNE_1)),
                    Refusal.Kind.CONFLICT, "stage-not-open");
        }

        @Test
        void aClosedCaseTakesNoFurtherStep() {
            CaseState stopped = CaseRules.verify(proposedExit(), JUNE_1, false, by(TEAM, JUNE_1)).state();

            assertRefused(() -> CaseRules.verify(stopped, JUNE_1, true, by(TEAM, JUNE_1)), Refusal.Kind.CONFLICT, "case-closed");
        }
    }

    @Nested
    class Acknowledgement {

        @Test
        void aHouseholdThatRefusesStopsTheExitAndSaysWhy() {
            CaseState verified = CaseRules.verify(proposedExit(), JUNE_1, true, by(TEAM, JUNE_1)).state();

            assertRefused(() -> CaseRules.acknowledge(verified, JUNE_1, false, " ", by(CADRE, JUNE_1)), Refusal.Kind.INVALID,
                    "validation-failed");
            assertThat(CaseRules.acknowledge(verified, JUNE_1, false, "Income not stable yet", by(CADRE, JUNE_1)).state().status())
                    .isEqualTo(CaseStatus.STOPPED);
        }
    }

    @Nested
    class Appraisal {

        private final CaseState acknowledged = CaseRules.acknowledge(
                CaseRules.verify(proposedExit(), JUNE_1, true, by(TEAM, JUNE_1)).state(), JUNE_1, true, null, by(CADRE, JUNE_1)).state();

        @Test
        void halfOfThosePresentIsNotAMajority() {
            assertRefused(() -> CaseRules.appraise(acknowledged, JUNE_1, 20, 10, 5, 5, JUNE_1, by(CADRE, JUNE_1)),
                    Refusal.Kind.UNPROCESSABLE, "majority-not-reached");
        }

        @Test
        void moreVotesThanPeoplePresentAreRefused() {
            assertThatThrownBy(() -> CaseRules.appraise(acknowledged, JUNE_1, 10, 8, 2, 1, JUNE_1, by(CADRE, JUNE_1)))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations()).singleElement()
                            .satisfies(v -> assertThat(v.code()).isEqualTo("votes-exceed-attendees")));
        }

        @Test
        void aMajorityStartsTheVillageNoticeOnTheDayItWentOnTheBoard() {
            LocalDate posted = JUNE_1.plusDays(2);

            CaseState state = CaseRules.appraise(acknowledged, JUNE_1.plusDays(1), 20, 11, 9, 0, posted, by(CADRE, JUNE_1.plusDays(5)))
                    .state();

            assertThat(state.stage()).isEqualTo(Stage.VILLAGE_NOTICE);
            assertThat(state.noticeStartsOn()).isEqualTo(posted);
            assertThat(state.noticeEndsOn()).isEqualTo(posted.plusDays(NOTICE_DAYS));
        }

        @Test
        void theNoticeCannotGoUpBeforeTheMeeting() {
            assertRefused(() -> CaseRules.appraise(acknowledged, JUNE_1.plusDays(1), 20, 11, 9, 0, JUNE_1, by(CADRE, JUNE_1.plusDays(5))),
                    Refusal.Kind.UNPROCESSABLE, "date-before-previous-step");
        }
    }

    @Nested
    class Notice {

        @Test
        void theTownshipWaitsUntilTheNoticeIsOver() {
            CaseState notice = exitUnderNotice();
            LocalDate lastDay = notice.noticeEndsOn().minusDays(1);

            assertThat(notice.waitingAt(lastDay)).isEqualTo(Stage.VILLAGE_NOTICE);
            assertThat(notice.waitingAt(notice.noticeEndsOn())).isEqualTo(Stage.TOWNSHIP_REVIEW);
            assertRefused(() -> CaseRules.review(notice, true, lastDay, null, by(TOWNSHIP, lastDay)),
                    Refusal.Kind.UNPROCESSABLE, "notice-not-over");
        }

        @Test
        void anObjectionStopsTheCaseUntilTheFinding() {
            CaseState notice = exitUnderNotice();
            LocalDate during = notice.noticeStartsOn().plusDays(2);

            CaseState objected = CaseRules.object(notice, during, during);

            assertThat(objected.status()).isEqualTo(CaseStatus.OBJECTED);
            assertRefused(() -> CaseRules.review(objected, true, notice.noticeEndsOn(), null, by(TOWNSHIP, notice.noticeEndsOn())),
                    Refusal.Kind.CONFLICT, "objection-pending");
        }

        @Test
        void noObjectionOnTheDayTheNoticeEndsOrLater() {
            CaseState notice = exitUnderNotice();

            assertRefused(() -> CaseRules.object(notice, notice.noticeEndsOn(), notice.noticeEndsOn()), Refusal.Kind.CONFLICT,
                    "no-notice-running");
        }

        @Test
        void anObjectionReceivedDuringTheNoticeMayBeRecordedLater() {
            CaseState notice = exitUnderNotice();

            assertThat(CaseRules.object(notice, notice.noticeEndsOn().minusDays(1), notice.noticeEndsOn().plusDays(3)).status())
                    .isEqualTo(CaseStatus.OBJECTED);
        }

        @Test
        void aDismissedObjectionLetsTheCaseGoOnWithItsNoticesDates() {
            CaseState notice = exitUnderNotice();
            LocalDate findingDay = notice.noticeEndsOn().plusDays(2);
            CaseState objected = CaseRules.object(notice, notice.noticeStartsOn().plusDays(2), notice.noticeStartsOn().plusDays(2));

            CaseState resumed = CaseRules.resolveObjection(objected, false, false, notice.noticeStartsOn().plusDays(2), findingDay,
                    by(TOWNSHIP, findingDay));

            assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(resumed.noticeEndsOn()).isEqualTo(notice.noticeEndsOn());
            assertThat(resumed.waitingAt(findingDay)).isEqualTo(Stage.TOWNSHIP_REVIEW);
        }

        @Test
        void aDismissedObjectionWithAnotherPendingKeepsTheCaseStopped() {
            CaseState objected = CaseRules.object(exitUnderNotice(), JUNE_1.plusDays(5), JUNE_1.plusDays(5));

            assertThat(CaseRules.resolveObjection(objected, false, true, JUNE_1.plusDays(5), JUNE_1.plusDays(6),
                    by(TOWNSHIP, JUNE_1.plusDays(6))).status())
                    .isEqualTo(CaseStatus.OBJECTED);
        }

        @Test
        void anUpheldObjectionStopsTheCase() {
            CaseState objected = CaseRules.object(exitUnderNotice(), JUNE_1.plusDays(5), JUNE_1.plusDays(5));

            assertThat(CaseRules.resolveObjection(objected, true, false, JUNE_1.plusDays(5), JUNE_1.plusDays(6),
                    by(TOWNSHIP, JUNE_1.plusDays(6))).status())
                    .isEqualTo(CaseStatus.STOPPED);
        }

        @Test
        void aFindingIsDatedNoEarlierThanItsObjectionAndNotAfterToday() {
            CaseState objected = CaseRules.object(exitUnderNotice(), JUNE_1.plusDays(5), JUNE_1.plusDays(5));

            assertRefused(() -> CaseRules.resolveObjection(objected, true, false, JUNE_1.plusDays(5), JUNE_1.plusDays(4),
                    by(TOWNSHIP, JUNE_1.plusDays(6))), Refusal.Kind.UNPROCESSABLE, "date-before-previous-step");
            assertRefused(() -> CaseRules.resolveObjection(objected, true, false, JUNE_1.plusDays(5), JUNE_1.plusDays(7),
                    by(TOWNSHIP, JUNE_1.plusDays(6))), Refusal.Kind.INVALID, "validation-failed");
            assertThat(CaseRules.resolveObjection(objected, true, false, JUNE_1.plusDays(5), JUNE_1.plusDays(5),
                    by(TOWNSHIP, JUNE_1.plusDays(9))).lastActedOn()).isEqualTo(JUNE_1.plusDays(5));
        }

        @Test
        void theProposerMayNotRuleOnAnObjection() {
            CaseState objected = CaseRules.object(exitUnderNotice(), JUNE_1.plusDays(5), JUNE_1.plusDays(5));

            assertRefused(() -> CaseRules.resolveObjection(objected, false, false, JUNE_1.plusDays(5), JUNE_1.plusDays(6),
                    by(CADRE, JUNE_1.plusDays(6))),
                    Refusal.Kind.FORBIDDEN, "same-person");
        }
    }

    @Nested
    class Review {

        @Test
        void sendingBackReturnsTheCaseToVerificationAndNeedsAReason() {
            CaseState notice = exitUnderNotice();
            LocalDate day = notice.noticeEndsOn();

            assertRefused(() -> CaseRules.review(notice, false, day, null, by(TOWNSHIP, day)), Refusal.Kind.INVALID, "validation-failed");
            CaseState back = CaseRules.review(notice, false, day, "Income evidence missing", by(TOWNSHIP, day)).state();
            assertThat(back.stage()).isEqualTo(Stage.VERIFICATION);
            assertThat(back.status()).isEqualTo(CaseStatus.OPEN);
        }

        @Test
        void approvalSendsAnExitToTheCountyAndAnIdentificationToTheTownshipNotice() {
            CaseState exit = exitUnderNotice();
            LocalDate day = exit.noticeEndsOn();
            assertThat(CaseRules.review(exit, true, day, null, by(TOWNSHIP, day)).state().stage()).isEqualTo(Stage.COUNTY_APPROVAL);

            CaseState identify = CaseRules.appraise(CaseRules.verify(CaseRules.open(CaseKind.IDENTIFY, CADRE, JUNE_1, JUNE_1), JUNE_1,
                    true, by(TEAM, JUNE_1)).state(), JUNE_1, 9, 9, 0, 0, JUNE_1, by(CADRE, JUNE_1)).state();
            LocalDate after = identify.noticeEndsOn();
            CaseState townshipNotice = CaseRules.review(identify, true, after, null, by(TOWNSHIP, after)).state();
            assertThat(townshipNotice.stage()).isEqualTo(Stage.TOWNSHIP_NOTICE);
            assertThat(townshipNotice.noticeEndsOn()).isEqualTo(after.plusDays(NOTICE_DAYS));
        }

        @Test
        void aReviewBeforeTheNoticeEndedCannotBeDatedSo() {
            CaseState notice = exitUnderNotice();
            LocalDate later = notice.noticeEndsOn().plusDays(3);

            assertRefused(() -> CaseRules.review(notice, true, notice.noticeEndsOn().minusDays(1), null, by(TOWNSHIP, later)),
                    Refusal.Kind.UNPROCESSABLE, "date-before-previous-step");
        }
    }

    @Nested
    class CountyDecision {

        private CaseState atCounty() {
            CaseState notice = exitUnderNotice();
            return CaseRules.review(notice, true, notice.noticeEndsOn(), null, by(TOWNSHIP, notice.noticeEndsOn())).state();
        }

        @Test
        void approvalClosesTheCaseOnTheAnnouncementsDate() {
            CaseState atCounty = atCounty();
            LocalDate announced = atCounty.lastActedOn().plusDays(5);

            CaseRules.Outcome outcome = CaseRules.decide(atCounty, true, announced, null, by(COUNTY, announced));

            assertThat(outcome.state().status()).isEqualTo(CaseStatus.APPROVED);
            assertThat(outcome.state().lastActedOn()).isEqualTo(announced);
        }

        @Test
        void rejectionNeedsAReason() {
            CaseState atCounty = atCounty();
            LocalDate day = atCounty.lastActedOn();

            assertRefused(() -> CaseRules.decide(atCounty, false, day, "", by(COUNTY, day)), Refusal.Kind.INVALID, "validation-failed");
            assertThat(CaseRules.decide(atCounty, false, day, "Notice not posted", by(COUNTY, day)).state().status())
                    .isEqualTo(CaseStatus.REJECTED);
        }

        @Test
        void theProposerMayNotApprove() {
            CaseState atCounty = atCounty();
            LocalDate day = atCounty.lastActedOn();

            assertRefused(() -> CaseRules.decide(atCounty, true, day, null, by(CADRE, day)), Refusal.Kind.FORBIDDEN, "same-person");
        }

        @Test
        void theCountyCannotDecideBeforeTheTownshipReviewed() {
            CaseState notice = exitUnderNotice();
            LocalDate day = notice.noticeEndsOn();

            assertRefused(() -> CaseRules.decide(notice, true, day, null, by(COUNTY, day)), Refusal.Kind.CONFLICT, "stage-not-open");
        }
    }

    @Test
    void aWithdrawalNeedsAReasonAndClosesTheCase() {
        assertRefused(() -> CaseRules.withdraw(proposedExit(), null, JUNE_1), Refusal.Kind.INVALID, "validation-failed");
        assertThat(CaseRules.withdraw(proposedExit(), "The meeting voted against it", JUNE_1).status()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    private static void assertRefused(Runnable step, Refusal.Kind kind, String code) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.code()).isEqualTo(code);
        });
    }
}
