package org.fupin.assistance.mywork.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a paired household's next visit is due, by the rule of the OVERDUE_VISIT alert (GET /api/v1/alerts): a
 * household is overdue once its pairing started before the day {@code period} ago and its helper's last visit is
 * older than {@code period}. So the visit falls due at the later of the start of the day after the pairing began plus
 * the period, and the last visit plus the period.
 *
 * @param dueAt the moment the household becomes overdue without a visit
 * @param dueOn that moment's day in the county
 * @param overdue whether that moment has passed
 */
public record VisitDue(Instant dueAt, LocalDate dueOn, boolean overdue) {

    public static VisitDue of(LocalDate pairedSince, Instant lastVisitAt, Duration period, ZoneId zone, Instant now) {
        Instant byPairing = pairedSince.plusDays(1).atStartOfDay(zone).toInstant().plus(period);
        Instant byVisit = lastVisitAt == null ? byPairing : lastVisitAt.plus(period);
        Instant dueAt = byVisit.isAfter(byPairing) ? byVisit : byPairing;
        return new VisitDue(dueAt, LocalDate.ofInstant(dueAt, zone), !now.isBefore(dueAt));
    }

    /** Whether the visit is overdue or falls due within {@code window} from now: the app lists it among the due visits. */
    public boolean dueWithin(Duration window, Instant now) {
        return overdue || !dueAt.isAfter(now.plus(window));
    }
}
