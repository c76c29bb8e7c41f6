package org.fupin.household.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The state machine of the contract, transition by transition and over random action sequences. */
class HouseholdLifecycleTest {

    @ParameterizedTest(name = "{0} --{1}--> {3}")
    @CsvSource({
            "POOR, PROPOSE_EXIT, false, EXIT_PENDING",
            "RETURNED, PROPOSE_EXIT, true, EXIT_PENDING",
            "EXIT_PENDING, OBJECT, false, POOR",
            "EXIT_PENDING, CONFIRM_EXIT, false, EXITED",
            "EXITED, FLAG_RISK, true, MONITORED",
            "MONITORED, CLEAR_RISK, true, EXITED",
            "MONITORED, CLEAR_RISK, false, NOT_POOR",
            "MONITORED, RETURN_TO_POVERTY, false, RETURNED",
            "EXITED, RETURN_TO_POVERTY, true, RETURNED",
            "NOT_POOR, REMOVE, false, REMOVED",
            "POOR, REMOVE, false, REMOVED" })
    void allowsTheTransitionsOfTheContract(HouseholdStatus from, Action action, boolean everExited, HouseholdStatus to) {
        assertThat(HouseholdLifecycle.next(from, action, everExited)).contains(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> illegal")
    @CsvSource({
            "POOR, CONFIRM_EXIT", "POOR, OBJECT", "POOR, FLAG_RISK", "POOR, CLEAR_RISK", "POOR, RETURN_TO_POVERTY",
            "EXIT_PENDING, PROPOSE_EXIT", "EXITED, PROPOSE_EXIT", "EXITED, CONFIRM_EXIT", "MONITORED, PROPOSE_EXIT",
            "NOT_POOR, PROPOSE_EXIT", "NOT_POOR, FLAG_RISK", "NOT_POOR, RETURN_TO_POVERTY",
            "REMOVED, REMOVE", "REMOVED, PROPOSE_EXIT", "REMOVED, CLEAR_RISK" })
    void refusesEveryOtherTransition(HouseholdStatus from, Action action) {
        assertThat(HouseholdLifecycle.next(from, action, true)).isEmpty();
        assertThat(HouseholdLifecycle.next(from, action, false)).isEmpty();
    }

    @Property
    void removedIsTheOnlyEndAndIsReachableFromEveryOtherStatus(@ForAll HouseholdStatus status) {
        boolean removable = HouseholdLifecycle.next(status, Action.REMOVE, false).isPresent();
        assertThat(removable).isEqualTo(status != HouseholdStatus.REMOVED);
        if (status == HouseholdStatus.REMOVED) {
            for (Action action : Action.values()) {
                assertThat(HouseholdLifecycle.next(status, action, true)).isEmpty();
            }
        }
    }

    /**
     * Whatever actions an officer attempts, applying only the legal ones: a household reaches
     * EXITED only through EXIT_PENDING, and NOT_POOR only if it never exited.
     */
    @Property
    void exitsOnlyThroughThePublicNotice(@ForAll @Size(max = 30) List<Action> attempts, @ForAll boolean registeredMonitored) {
        HouseholdStatus status = registeredMonitored ? HouseholdStatus.MONITORED : HouseholdStatus.POOR;
        boolean everExited = false;
        for (Action action : attempts) {
            Optional<HouseholdStatus> next = HouseholdLifecycle.next(status, action, everExited);
            if (next.isEmpty()) {
                continue;
            }
            if (next.get() == HouseholdStatus.EXITED && action == Action.CONFIRM_EXIT) {
                assertThat(status).isEqualTo(HouseholdStatus.EXIT_PENDING);
                everExited = true;
            }
            if (next.get() == HouseholdStatus.EXITED && action == Action.CLEAR_RISK) {
                assertThat(everExited).isTrue();
            }
            if (next.get() == HouseholdStatus.NOT_POOR) {
                assertThat(everExited).isFalse();
            }
            status = next.get();
        }
        Set<HouseholdStatus> all = EnumSet.allOf(HouseholdStatus.class);
        assertThat(all).contains(status);
    }
}
