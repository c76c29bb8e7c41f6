package org.fupin.assistance.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.fupin.kernel.Violation;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The pairing rules, one by one, and as invariants of any sequence of pairing operations. */
class PairingPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);
    private static final UUID HELPER = UUID.randomUUID();
    private static final UUID OTHER_HELPER = UUID.randomUUID();

    @Test
    void aPairingNamesExactlyThePartiesOfItsKind() {
        UUID id = UUID.randomUUID();
        assertThat(PairingPolicy.checkParties(PairingKind.HELPER_HOUSEHOLD, id, null, null, id, null)).isEmpty();
        assertThat(PairingPolicy.checkParties(PairingKind.UNIT_VILLAGE, null, id, null, null, "500235101201")).isEmpty();
        assertThat(PairingPolicy.checkParties(PairingKind.GROUP_VILLAGE, null, null, id, null, "500235101201")).isEmpty();

        assertThat(codes(PairingPolicy.checkParties(PairingKind.HELPER_HOUSEHOLD, null, id, null, id, null)))
                .containsExactly("helperId:required", "unitId:not-applicable");
        assertThat(codes(PairingPolicy.checkParties(PairingKind.UNIT_VILLAGE, id, id, id, null, null)))
                .containsExactly("helperId:not-applicable", "groupId:not-applicable", "villageCode:required");
        assertThat(codes(PairingPolicy.checkParties(PairingKind.GROUP_VILLAGE, null, null, id, id, "500235101201")))
                .containsExactly("householdId:not-applicable");
    }

    @Test
    void aPairingDoesNotStartInTheFuture() {
        assertThat(PairingPolicy.checkStart(TODAY, TODAY)).isEmpty();
        assertThat(codes(PairingPolicy.checkStart(TODAY.plusDays(1), TODAY))).containsExactly("startDate:date-in-future");
    }

    @Test
    void aHouseholdGetsOneHelperAtATimeAndARemovedHouseholdNone() {
        assertThat(PairingPolicy.toStartHelperPairing("POOR", false, 0, 5)).isEmpty();
        assertThat(PairingPolicy.toStartHelperPairing("EXITED", false, 4, 5)).isEmpty();
        assertThat(PairingPolicy.toStartHelperPairing("POOR", true, 0, 5)).contains(PairingRefusal.HOUSEHOLD_ALREADY_PAIRED);
        assertThat(PairingPolicy.toStartHelperPairing("REMOVED", false, 0, 5)).contains(PairingRefusal.HOUSEHOLD_REMOVED);
    }

    @Test
    void aHelperTakesOnNoMoreThanTheirCapacity() {
        assertThat(PairingPolicy.toStartHelperPairing("POOR", false, 5, 5)).contains(PairingRefusal.HELPER_CAPACITY_EXCEEDED);
        assertThat(PairingPolicy.toTakeOn(0, 1)).isEmpty();
        assertThat(PairingPolicy.toTakeOn(1, 1)).contains(PairingRefusal.HELPER_CAPACITY_EXCEEDED);
        assertThat(PairingPolicy.toSetCapacity(3, 3)).isEmpty();
        assertThat(PairingPolicy.toSetCapacity(3, 2)).contains(PairingRefusal.HELPER_CAPACITY_EXCEEDED);
    }

    @Test
    void aUnitOrGroupIsPairedWithAVillageOnceAtATime() {
        assertThat(PairingPolicy.toStartVillagePairing(false)).isEmpty();
        assertThat(PairingPolicy.toStartVillagePairing(true)).contains(PairingRefusal.ALREADY_PAIRED);
    }

    @Test
    void exitDoesNotEndHelp() {
        for (String status : List.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED")) {
            assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, status, HELPER, null))
                    .as(status).contains(PairingRefusal.PAIRING_REQUIRED);
            assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, status, HELPER, OTHER_HELPER)).as(status).isEmpty();
        }
        assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, "NOT_POOR", HELPER, null)).isEmpty();
        assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, "REMOVED", HELPER, null)).isEmpty();
        assertThat(PairingPolicy.toEnd(PairingKind.UNIT_VILLAGE, false, null, null, null)).isEmpty();
    }

    @Test
    void aPairingEndsOnceAndIsHandedToSomeoneElse() {
        assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, true, "NOT_POOR", HELPER, null))
                .contains(PairingRefusal.PAIRING_ALREADY_ENDED);
        assertThat(PairingPolicy.toEnd(PairingKind.GROUP_VILLAGE, true, null, null, null))
                .contains(PairingRefusal.PAIRING_ALREADY_ENDED);
        assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, "POOR", HELPER, HELPER))
                .contains(PairingRefusal.REPLACEMENT_IS_CURRENT_HELPER);
        assertThat(PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, "REMOVED", HELPER, OTHER_HELPER))
                .contains(PairingRefusal.HOUSEHOLD_REMOVED);
    }

    @Test
    void theEndOfAPairingIsDatedAndExplained() {
        LocalDate start = TODAY.minusDays(10);
        assertThat(PairingPolicy.checkEnd(PairingKind.HELPER_HOUSEHOLD, start, start, TODAY, EndReason.HELPER_LEFT, OTHER_HELPER))
                .isEmpty();
        assertThat(codes(PairingPolicy.checkEnd(PairingKind.HELPER_HOUSEHOLD, start, start.minusDays(1), TODAY, EndReason.OTHER, null)))
                .containsExactly("endDate:end-before-start");
        assertThat(codes(PairingPolicy.checkEnd(PairingKind.HELPER_HOUSEHOLD, start, TODAY.plusDays(1), TODAY, EndReason.OTHER, null)))
                .containsExactly("endDate:date-in-future");
        assertThat(codes(PairingPolicy.checkEnd(PairingKind.UNIT_VILLAGE, start, TODAY, TODAY, null, OTHER_HELPER)))
                .containsExactly("replacementHelperId:not-applicable");
        assertThat(codes(PairingPolicy.checkEnd(PairingKind.UNIT_VILLAGE, start, TODAY, TODAY, null, null)))
                .containsExactly("reason:required");
        assertThat(codes(PairingPolicy.checkEnd(PairingKind.HELPER_HOUSEHOLD, start, TODAY, TODAY, EndReason.REPLACED, null)))
                .containsExactly("reason:reason-needs-replacement");
        assertThat(codes(PairingPolicy.checkEnd(PairingKind.HELPER_HOUSEHOLD, start, TODAY, TODAY, EndReason.HOUSEHOLD_REMOVED, null)))
                .containsExactly("reason:reason-reserved");
        assertThat(PairingPolicy.reasonOf(null, OTHER_HELPER)).isEqualTo(EndReason.REPLACED);
        assertThat(PairingPolicy.reasonOf(EndReason.HELPER_LEFT, OTHER_HELPER)).isEqualTo(EndReason.HELPER_LEFT);
    }

    @Test
    void aRemovalEndsTheHelperPairingNeverBeforeItStarted() {
        assertThat(PairingPolicy.endsHelperPairing("REMOVED")).isTrue();
        assertThat(PairingPolicy.endsHelperPairing("NOT_POOR")).isFalse();
        assertThat(PairingPolicy.removalEndDate(TODAY, TODAY.minusDays(3))).isEqualTo(TODAY);
        assertThat(PairingPolicy.removalEndDate(TODAY, TODAY.plusDays(3))).isEqualTo(TODAY.plusDays(3));
        assertThat(PairingPolicy.removalEndDate(TODAY, null)).isEqualTo(TODAY);
    }

    @Property(tries = 300)
    void noSequenceOfOperationsBreaksTheRules(@ForAll("capacities") List<Integer> capacities,
            @ForAll("operations") List<Operation> operations) {
        County county = new County(capacities, 8);
        for (Operation operation : operations) {
            county.apply(operation);
            county.assertRulesHold();
        }
    }

    @Property
    void capacityIsTheOnlyLimitOfAHelper(@ForAll @IntRange(min = 0, max = 100) int active,
            @ForAll @IntRange(min = 1, max = 100) int max) {
        assertThat(PairingPolicy.toTakeOn(active, max).isPresent()).isEqualTo(active >= max);
        assertThat(PairingPolicy.toSetCapacity(active, max).isPresent()).isEqualTo(active > max);
    }

    @Provide
    Arbitrary<List<Integer>> capacities() {
        return Arbitraries.integers().between(1, 3).list().ofSize(3);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Integer> helper = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> household = Arbitraries.integers().between(0, 7);
        Arbitrary<Operation> start = Combinators.combine(helper, household).as(Start::new);
        Arbitrary<Operation> end = Combinators.combine(household, helper.injectNull(0.4)).as(End::new);
        Arbitrary<Operation> capacity = Combinators.combine(helper, Arbitraries.integers().between(1, 3)).as(SetCapacity::new);
        Arbitrary<Operation> status = Combinators.combine(household,
                Arbitraries.of("POOR", "EXITED", "MONITORED", "NOT_POOR", "REMOVED")).as(ChangeStatus::new);
        return Arbitraries.frequencyOf(
                Tuple.of(5, start), Tuple.of(3, end),
                Tuple.of(1, capacity), Tuple.of(1, status))
                .list().ofMaxSize(60);
    }

    sealed interface Operation permits Start, End, SetCapacity, ChangeStatus {
    }

    record Start(int helper, int household) implements Operation {
    }

    record End(int household, Integer replacement) implements Operation {
    }

    record SetCapacity(int helper, int max) implements Operation {
    }

    record ChangeStatus(int household, String status) implements Operation {
    }

    record Pairing(int helper, int household, boolean active, String endedWithStatus, boolean replaced) {
    }

    /** A small county applying every operation the way the service does: only what the policy allows. */
    static final class County {

        private final List<Integer> max;
        private final List<String> status = new ArrayList<>();
        private final List<Pairing> pairings = new ArrayList<>();
        private final Map<Integer, UUID> helperIds = new HashMap<>();

        County(List<Integer> capacities, int households) {
            max = new ArrayList<>(capacities);
            for (int i = 0; i < households; i++) {
                status.add("POOR");
            }
            for (int i = 0; i < capacities.size(); i++) {
                helperIds.put(i, UUID.randomUUID());
            }
        }

        void apply(Operation operation) {
            if (operation instanceof Start s) {
                if (PairingPolicy.toStartHelperPairing(status.get(s.household()), active(s.household()).isPresent(),
                        load(s.helper()), max.get(s.helper())).isEmpty()) {
                    pairings.add(new Pairing(s.helper(), s.household(), true, null, false));
                }
            } else if (operation instanceof End e) {
                active(e.household()).ifPresent(current -> end(current, e.replacement()));
            } else if (operation instanceof SetCapacity c) {
                if (PairingPolicy.toSetCapacity(load(c.helper()), c.max()).isEmpty()) {
                    max.set(c.helper(), c.max());
                }
            } else if (operation instanceof ChangeStatus c) {
                status.set(c.household(), c.status());
                if (PairingPolicy.endsHelperPairing(c.status())) {
                    active(c.household()).ifPresent(current -> pairings.set(pairings.indexOf(current),
                            new Pairing(current.helper(), current.household(), false, c.status(), false)));
                }
            }
        }

        /** As the service: the old pairing ends, then the replacement starts; a refused replacement undoes both. */
        private void end(Pairing current, Integer replacementHelper) {
            UUID replacement = replacementHelper == null ? null : helperIds.get(replacementHelper);
            String householdStatus = status.get(current.household());
            if (PairingPolicy.toEnd(PairingKind.HELPER_HOUSEHOLD, false, householdStatus, helperIds.get(current.helper()),
                    replacement).isPresent()) {
                return;
            }
            int index = pairings.indexOf(current);
            pairings.set(index, new Pairing(current.helper(), current.household(), false, householdStatus, replacement != null));
            if (replacement == null) {
                return;
            }
            if (PairingPolicy.toStartHelperPairing(householdStatus, false, load(replacementHelper),
                    max.get(replacementHelper)).isPresent()) {
                pairings.set(index, current);
            } else {
                pairings.add(new Pairing(replacementHelper, current.household(), true, null, false));
            }
        }

        void assertRulesHold() {
            for (int helper = 0; helper < max.size(); helper++) {
                assertThat(load(helper)).as("active households of helper " + helper).isLessThanOrEqualTo(max.get(helper));
            }
            for (int household = 0; household < status.size(); household++) {
                int h = household;
                assertThat(pairings.stream().filter(p -> p.active() && p.household() == h).count())
                        .as("active helpers of household " + household).isLessThanOrEqualTo(1);
            }
            assertThat(pairings).filteredOn(p -> !p.active() && !p.replaced())
                    .allSatisfy(p -> assertThat(p.endedWithStatus()).isIn("NOT_POOR", "REMOVED"));
        }

        private Optional<Pairing> active(int household) {
            return pairings.stream().filter(p -> p.active() && p.household() == household).findFirst();
        }

        private int load(int helper) {
            return (int) pairings.stream().filter(p -> p.active() && p.helper() == helper).count();
        }
    }

    private static List<String> codes(List<Violation> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
