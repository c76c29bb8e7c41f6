package org.fupin.household.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fupin.kernel.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The state machine of the contract: monitoring by transitions, decisions by cases, over random sequences too. */
class HouseholdLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @ParameterizedTest(name = "{0} --{1}--> {3}")
    @CsvSource({
            "EXITED, FLAG_RISK, true, MONITORED",
            "NOT_POOR, FLAG_RISK, false, MONITORED",
            "MONITORED, CLEAR_RISK, true, EXITED",
            "MONITORED, CLEAR_RISK, false, NOT_POOR" })
    void monitoringIsATransitionOfItsOwn(HouseholdStatus from, Action action, boolean everExited, HouseholdStatus to) {
        assertThat(HouseholdLifecycle.next(from, action, everExited)).contains(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> illegal")
    @CsvSource({ "POOR, FLAG_RISK", "MONITORED, FLAG_RISK", "POOR, CLEAR_RISK", "EXITED, CLEAR_RISK",
            "REMOVED, CLEAR_RISK", "REMOVED, FLAG_RISK" })
    void monitoringFromAnyOtherStatusIsIllegal(HouseholdStatus from, Action action) {
        assertThat(HouseholdLifecycle.next(from, action, true)).isEmpty();
        assertThat(HouseholdLifecycle.next(from, action, false)).isEmpty();
    }

    @ParameterizedTest(name = "{0} --{1} (case)--> {3}")
    @CsvSource({
            "NOT_POOR, IDENTIFY, false, POOR",
            "MONITORED, IDENTIFY, false, POOR",
            "POOR, CONFIRM_EXIT, false, EXITED",
            "RETURNED, CONFIRM_EXIT, true, EXITED",
            "EXIT_PENDING, CONFIRM_EXIT, false, EXITED",
            "EXITED, RETURN_TO_POVERTY, true, RETURNED",
            "MONITORED, RETURN_TO_POVERTY, true, RETURNED",
            "NOT_POOR, REMOVE, false, REMOVED",
            "POOR, REMOVE, false, REMOVED" })
    void decisionsLeadWhereTheContractSays(HouseholdStatus from, Action decision, boolean everExited, HouseholdStatus to) {
        assertThat(HouseholdLifecycle.decided(from, decision, everExited)).contains(to);
    }

    @ParameterizedTest(name = "{0} --{1} (case, exited before: {2})--> illegal")
    @CsvSource({
            "MONITORED, IDENTIFY, true", "POOR, IDENTIFY, false", "EXITED, IDENTIFY, true", "EXITED, CONFIRM_EXIT, true",
            "NOT_POOR, CONFIRM_EXIT, false", "POOR, RETURN_TO_POVERTY, false", "MONITORED, RETURN_TO_POVERTY, false",
            "REMOVED, REMOVE, true" })
    void decisionsFromAnyOtherStatusAreIllegal(HouseholdStatus from, Action decision, boolean everExited) {
        assertThat(HouseholdLifecycle.decided(from, decision, everExited)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = { "PROPOSE_EXIT", "OBJECT", "CONFIRM_EXIT", "RETURN_TO_POVERTY", "IDENTIFY", "REMOVE" })
    void aDecisionSentAsATransitionIsRefusedAndPointsToItsCase(Action action) {
        LifecycleState poor = new LifecycleState(HouseholdStatus.POOR, TODAY.minusDays(30), null, null, false);

        assertThatThrownBy(() -> HouseholdLifecycle.apply(poor, new TransitionCommand(action, TODAY, "理由", null), TODAY))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("decided-by-case");
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
                    assertThat(refusal.getMessage()).contains("kind " + action.caseKind());
                });
    }

    @Property
    void removedIsTheOnlyEndAndEveryOtherStatusCanBeRemovedByACase(@ForAll HouseholdStatus status) {
        assertThat(HouseholdLifecycle.decided(status, Action.REMOVE, false).isPresent()).isEqualTo(status != HouseholdStatus.REMOVED);
        if (status == HouseholdStatus.REMOVED) {
            for (Action action : Action.values()) {
                assertThat(HouseholdLifecycle.next(status, action, true)).isEmpty();
                if (action.decidedByCase() && action != Action.PROPOSE_EXIT && action != Action.OBJECT) {
                    assertThat(HouseholdLifecycle.decided(status, action, true)).isEmpty();
                }
            }
        }
    }

    /**
     * Whatever an officer attempts, transitions and cases mixed, applying only the legal ones: a household
     * reaches EXITED for the first time only by a county's decision, and NOT_POOR only if it never exited.
     */
    @Property
    void exitsOnlyByTheCountysDecision(@ForAll @Size(max = 30) List<Action> attempts, @ForAll @Size(max = 30) List<Boolean> byCase,
            @ForAll boolean registeredMonitored) {
        HouseholdStatus status = registeredMonitored ? HouseholdStatus.MONITORED : HouseholdStatus.POOR;
        boolean everExited = false;
        for (int i = 0; i < attempts.size(); i++) {
            Action action = attempts.get(i);
            boolean decision = i < byCase.size() && byCase.get(i) && action.decidedByCase()
                    && action != Action.PROPOSE_EXIT && action != Action.OBJECT;
            Optional<HouseholdStatus> next = decision ? HouseholdLifecycle.decided(status, action, everExited)
                    : HouseholdLifecycle.next(status, action, everExited);
            if (next.isEmpty()) {
                continue;
            }
            if (next.get() == HouseholdStatus.EXITED && !everExited) {
                assertThat(decision).as("first exit by " + action).isTrue();
                assertThat(action).isEqualTo(Action.CONFIRM_EXIT);
            }
            if (next.get() == HouseholdStatus.NOT_POOR) {
                assertThat(everExited).isFalse();
            }
            everExited = everExited || next.get() == HouseholdStatus.EXITED;
            status = next.get();
        }
    }
}
