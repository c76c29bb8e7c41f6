package org.fupin.assistance.visit.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.kernel.Violation;

/**
 * The rules of visits (走訪): a visit names its client id, helper, household and time; it did not
 * happen in the future (beyond a few minutes of clock skew between phone and server); it counts
 * only if the helper was paired with the household on that day; sending the same visit again is
 * harmless, sending other content under an id already used is a conflict; a batch holds at most
 * {@value #MAX_BATCH} visits.
 */
public final class VisitRules {

    /** The most visits one batch may carry: an app syncing after working offline sends them in chunks of this size. */
    public static final int MAX_BATCH = 500;

    /** Phones' clocks run a little fast or slow; a visit a few minutes "in the future" is still today's visit. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public static final int MAX_NOTES_LENGTH = 2000;

    private VisitRules() {
    }

    /** Every violation of a visit's fields at once; empty when it may be recorded. */
    public static List<Violation> check(NewVisit visit, Instant now) {
        List<Violation> errors = new ArrayList<>();
        require(errors, "id", visit.id());
        require(errors, "helperId", visit.helperId());
        require(errors, "householdId", visit.householdId());
        if (visit.visitedAt() == null) {
            errors.add(new Violation("visitedAt", "required", "This field is required."));
        } else if (visit.visitedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Violation("visitedAt", "date-in-future", "A visit cannot lie in the future."));
        }
        if (visit.notes() != null && visit.notes().length() > MAX_NOTES_LENGTH) {
            errors.add(new Violation("notes", "length", "At most " + MAX_NOTES_LENGTH + " characters.",
                    Map.of("min", 0, "max", MAX_NOTES_LENGTH)));
        }
        return errors;
    }

    /** The visit as stored: PostgreSQL keeps microseconds, and blank notes are no notes. */
    public static NewVisit normalised(NewVisit visit) {
        return new NewVisit(visit.id(), visit.helperId(), visit.householdId(),
                visit.visitedAt() == null ? null : visit.visitedAt().truncatedTo(ChronoUnit.MICROS),
                visit.notes() == null || visit.notes().isBlank() ? null : visit.notes().strip(), visit.riskObserved());
    }

    /** Whether a visit sent again is the one stored under its id (a duplicate), or other content (a conflict). */
    public static boolean sameVisit(NewVisit sent, NewVisit stored) {
        NewVisit a = normalised(sent);
        NewVisit b = normalised(stored);
        return a.helperId().equals(b.helperId()) && a.householdId().equals(b.householdId())
                && a.visitedAt().equals(b.visitedAt()) && Objects.equals(a.notes(), b.notes())
                && a.riskObserved() == b.riskObserved();
    }

    /** A helper visits as the household's helper on the days their pairing covers, its start and end days included. */
    public static boolean pairedOn(LocalDate pairingStart, LocalDate pairingEnd, LocalDate visitDay) {
        return !visitDay.isBefore(pairingStart) && (pairingEnd == null || !visitDay.isAfter(pairingEnd));
    }

    public static boolean batchTooLarge(int size) {
        return size > MAX_BATCH;
    }

    private static void require(List<Violation> errors, String field, Object value) {
        if (value == null) {
            errors.add(new Violation(field, "required", "This field is required."));
        }
    }
}
