package org.fupin.reporting.exits;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The length of the periods of the exits report. */
public enum Interval {
    DAY, WEEK, MONTH;

    /** Periods a report may have at most, so that a decade by day cannot be asked for. */
    static final int MAX_PERIODS = 1000;

    /** The first day of the period that holds {@code date}. */
    LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
