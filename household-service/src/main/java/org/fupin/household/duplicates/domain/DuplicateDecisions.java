package org.fupin.household.duplicates.domain;

import java.time.LocalDate;
import java.util.List;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * What a township officer may decide about a possible duplicate, and from which day a decision that removes a record
 * takes effect. Reports count a member on every day from its first day until it leaves; a person registered twice was
 * counted twice from the day the second record began. Retiring one record from that day (the later of the two first
 * days) makes every report, for any past date, count the person once, and no day without them.
 */
public final class DuplicateDecisions {

    /** Where a pair of the review queue stands. */
    public enum Status {
        /** Waiting for a decision. */
        OPEN,
        /** Two people (dismissed). */
        DISTINCT,
        /** One person registered twice: one record retired as DUPLICATE. */
        MERGED,
        /** One person who lives in the household of their other record: this one removed as MOVED_OUT. */
        MOVED
    }

    private DuplicateDecisions() {
    }

    /** The day a merge retires a record: the day the person's other record began, or the retired record's own first day. */
    public static LocalDate retiredFrom(LocalDate retiredFirstDay, LocalDate keptFirstDay) {
        return retiredFirstDay.isAfter(keptFirstDay) ? retiredFirstDay : keptFirstDay;
    }

    /**
     * The day a move takes effect: the day the officer gives (the person moved then), else as a merge's. The leaving
     * record counts until then, so the day lies between its first day and today.
     */
    public static LocalDate movedOn(LocalDate given, LocalDate leavingFirstDay, LocalDate otherFirstDay, LocalDate today) {
        if (given == null) {
            return retiredFrom(leavingFirstDay, otherFirstDay);
        }
        if (given.isBefore(leavingFirstDay) || given.isAfter(today)) {
            throw Refusal.invalid(List.of(new Violation("effectiveDate", "out-of-range",
                    "The move takes effect between the leaving record's first day (" + leavingFirstDay + ") and today.")));
        }
        return given;
    }
}
