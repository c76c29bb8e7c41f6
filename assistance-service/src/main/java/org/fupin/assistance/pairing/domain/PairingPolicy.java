package org.fupin.assistance.pairing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.fupin.kernel.Violation;

/**
 * Every rule of pairings (結對幫扶), in one place:
 * <ul>
 * <li>a pairing names exactly the parties its kind pairs: a helper and a household, or a unit or a
 * group and a village;</li>
 * <li>a household has at most one active helper, and a REMOVED household gets none;</li>
 * <li>a helper's active households never exceed the helper's {@code maxHouseholds}, also when the
 * capacity is lowered;</li>
 * <li>a unit or a group is paired with a village once at a time;</li>
 * <li>脫貧不脫鉤 (exit does not end help): a helper pairing of a household that is neither REMOVED
 * nor NOT_POOR ends only by handing over to a replacement helper, who is not the current one;</li>
 * <li>a household's removal ends its helper pairing by itself;</li>
 * <li>a pairing ends once, not before it started, not in the future; ended pairings stay as history.</li>
 * </ul>
 * The service applies these decisions under row locks, so that they also hold under concurrent requests.
 */
public final class PairingPolicy {

    static final String REMOVED = "REMOVED";
    static final String NOT_POOR = "NOT_POOR";

    /** Statuses whose helper may leave without a successor; 脫貧不脫鉤 holds every other one. */
    private static final Set<String> RELEASED = Set.of(REMOVED, NOT_POOR);

    private PairingPolicy() {
    }

    /** The parties of a pairing: those its kind names are required, the others must be absent. */
    public static List<Violation> checkParties(PairingKind kind, UUID helperId, UUID unitId, UUID groupId,
            UUID householdId, String villageCode) {
        List<Violation> errors = new ArrayList<>();
        party(errors, "helperId", helperId, kind == PairingKind.HELPER_HOUSEHOLD);
        party(errors, "unitId", unitId, kind == PairingKind.UNIT_VILLAGE);
        party(errors, "groupId", groupId, kind == PairingKind.GROUP_VILLAGE);
        party(errors, "householdId", householdId, kind == PairingKind.HELPER_HOUSEHOLD);
        party(errors, "villageCode", villageCode, kind != PairingKind.HELPER_HOUSEHOLD);
        return errors;
    }

    /** A pairing cannot start in the future. */
    public static List<Violation> checkStart(LocalDate startDate, LocalDate today) {
        if (startDate.isAfter(today)) {
            return List.of(new Violation("startDate", "date-in-future", "This date cannot lie in the future."));
        }
        return List.of();
    }

    /** Whether a helper pairing of the household may start. */
    public static Optional<PairingRefusal> toStartHelperPairing(String householdStatus, boolean householdHasActiveHelper,
            int helperActiveHouseholds, int helperMaxHouseholds) {
        if (REMOVED.equals(householdStatus)) {
            return Optional.of(PairingRefusal.HOUSEHOLD_REMOVED);
        }
        if (householdHasActiveHelper) {
            return Optional.of(PairingRefusal.HOUSEHOLD_ALREADY_PAIRED);
        }
        return toTakeOn(helperActiveHouseholds, helperMaxHouseholds);
    }

    /** Whether a helper with this many active households may take on one more. */
    public static Optional<PairingRefusal> toTakeOn(int activeHouseholds, int maxHouseholds) {
        return activeHouseholds >= maxHouseholds ? Optional.of(PairingRefusal.HELPER_CAPACITY_EXCEEDED) : Optional.empty();
    }

    /** Whether a helper's capacity may be set to {@code maxHouseholds}: not below the households the helper has. */
    public static Optional<PairingRefusal> toSetCapacity(int activeHouseholds, int maxHouseholds) {
        return activeHouseholds > maxHouseholds ? Optional.of(PairingRefusal.HELPER_CAPACITY_EXCEEDED) : Optional.empty();
    }

    /** Whether a unit or group pairing with a village may start. */
    public static Optional<PairingRefusal> toStartVillagePairing(boolean samePartyPairedWithVillage) {
        return samePartyPairedWithVillage ? Optional.of(PairingRefusal.ALREADY_PAIRED) : Optional.empty();
    }

    /** The fields of an end request: dates, the reason, and a replacement only where one applies. */
    public static List<Violation> checkEnd(PairingKind kind, LocalDate startDate, LocalDate endDate, LocalDate today,
            EndReason reason, UUID replacementHelperId) {
        List<Violation> errors = new ArrayList<>();
        if (endDate.isBefore(startDate)) {
            errors.add(new Violation("endDate", "end-before-start", "A pairing cannot end before it started (" + startDate + ").",
                    Map.of("min", startDate)));
        } else if (endDate.isAfter(today)) {
            errors.add(new Violation("endDate", "date-in-future", "This date cannot lie in the future."));
        }
        if (replacementHelperId != null && kind != PairingKind.HELPER_HOUSEHOLD) {
            errors.add(new Violation("replacementHelperId", "not-applicable", "Only a helper pairing is handed over to a helper."));
        }
        if (reason == null && replacementHelperId == null) {
            errors.add(new Violation("reason", "required", "This field is required."));
        }
        if (reason == EndReason.REPLACED && replacementHelperId == null) {
            errors.add(new Violation("reason", "reason-needs-replacement", "REPLACED needs a replacementHelperId."));
        }
        if (reason == EndReason.HOUSEHOLD_REMOVED) {
            errors.add(new Violation("reason", "reason-reserved",
                    "HOUSEHOLD_REMOVED is set by the system when household-service removes the household."));
        }
        return errors;
    }

    /**
     * Whether an active pairing may end as asked. {@code householdStatus} is the paired household's
     * (null for village pairings).
     */
    public static Optional<PairingRefusal> toEnd(PairingKind kind, boolean alreadyEnded, String householdStatus,
            UUID currentHelperId, UUID replacementHelperId) {
        if (alreadyEnded) {
            return Optional.of(PairingRefusal.PAIRING_ALREADY_ENDED);
        }
        if (kind != PairingKind.HELPER_HOUSEHOLD) {
            return Optional.empty();
        }
        if (replacementHelperId == null) {
            return mayEndWithoutReplacement(householdStatus) ? Optional.empty() : Optional.of(PairingRefusal.PAIRING_REQUIRED);
        }
        if (replacementHelperId.equals(currentHelperId)) {
            return Optional.of(PairingRefusal.REPLACEMENT_IS_CURRENT_HELPER);
        }
        if (REMOVED.equals(householdStatus)) {
            return Optional.of(PairingRefusal.HOUSEHOLD_REMOVED);
        }
        return Optional.empty();
    }

    /** 脫貧不脫鉤: only a household that left the register or was found not poor lets its helper go unreplaced. */
    public static boolean mayEndWithoutReplacement(String householdStatus) {
        return RELEASED.contains(householdStatus);
    }

    /** The reason recorded: the caller's, or REPLACED when the caller only named a replacement. */
    public static EndReason reasonOf(EndReason given, UUID replacementHelperId) {
        return given != null ? given : EndReason.REPLACED;
    }

    /** A household's new status that ends its active helper pairing by itself. */
    public static boolean endsHelperPairing(String newHouseholdStatus) {
        return REMOVED.equals(newHouseholdStatus);
    }

    /** The end date of a pairing ended by the household's removal: the removal's date, but never before the start. */
    public static LocalDate removalEndDate(LocalDate startDate, LocalDate removedOn) {
        return removedOn == null || removedOn.isBefore(startDate) ? startDate : removedOn;
    }

    private static void party(List<Violation> errors, String field, Object value, boolean expected) {
        if (expected && value == null) {
            errors.add(new Violation(field, "required", "This kind of pairing needs " + field + "."));
        } else if (!expected && value != null) {
            errors.add(new Violation(field, "not-applicable", "This kind of pairing does not take " + field + "."));
        }
    }
}
