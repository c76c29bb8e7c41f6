package org.fupin.reporting.exits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.kernel.Refusal;
import org.fupin.reporting.report.ReportRequest;
import org.fupin.reporting.report.ReportRequests;
import org.fupin.platform.sql.Rows;

/**
 * Counts confirmed exits (CONFIRM_EXIT) and returns to poverty (RETURN_TO_POVERTY) per period from
 * the status history. As of a date, only changes effective on or before it count, and the range
 * ends there at the latest.
 */
@ApplicationScoped
public class ExitsQuery {

    /** When {@code from} is not given: a 100-day campaign (百日攻堅) ending on {@code to}. */
    static final int DEFAULT_DAYS = 100;

    private final EntityManager entityManager;

    public ExitsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Checks and completes the parameters; 400 {@code invalid-parameter} names what is wrong. */
    public static Range range(ReportRequest request, String from, String to, String interval) {
        LocalDate end = to == null || to.isBlank() ? request.asOf() : ReportRequests.date("to", to);
        if (end.isAfter(request.asOf())) {
            end = request.asOf();
        }
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : ReportRequests.date("from", from);
        if (start.isAfter(end)) {
            throw Refusal.invalid("invalid-parameter", "from must not be after to (or asOf).");
        }
        Interval length;
        try {
            length = interval == null || interval.isBlank() ? Interval.WEEK : Interval.valueOf(interval.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-parameter", "interval is DAY, WEEK or MONTH.");
        }
        long periods = 0;
        for (LocalDate p = length.startOf(start); !p.isAfter(end) && periods <= Interval.MAX_PERIODS; p = length.next(p)) {
            periods++;
        }
        if (periods > Interval.MAX_PERIODS) {
            throw Refusal.invalid("invalid-parameter",
                    "At most " + Interval.MAX_PERIODS + " periods: choose a longer interval or a shorter range.");
        }
        return new Range(start, end, length);
    }

    /** Confirmed exits and returns to poverty effective on one day. */
    private record DayCounts(LocalDate day, long exits, long returns) {
    }

    /** A checked range of the report. */
    public record Range(LocalDate from, LocalDate to, Interval interval) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExitsReport exits(ReportRequest request, Range range, Freshness freshness) {
        Map<LocalDate, DayCounts> byDay = new HashMap<>();
        for (DayCounts counts : Rows.list(entityManager.createNativeQuery("""
                select h.effective_date as day, count(*) filter (where h.action = 'CONFIRM_EXIT') as exits,
                       count(*) filter (where h.action = 'RETURN_TO_POVERTY') as returns
                from household_status_history h
                join household_fact f on f.household_id = h.household_id
                where f.village_code like :prefix and h.effective_date between :from and :to
                  and h.action in ('CONFIRM_EXIT', 'RETURN_TO_POVERTY')
                group by h.effective_date""")
                .setParameter("prefix", request.prefix())
                .setParameter("from", range.from())
                .setParameter("to", range.to()),
                row -> new DayCounts(row.date("day"), row.count("exits"), row.count("returns")))) {
            byDay.put(counts.day(), counts);
        }
        List<ExitsReport.Period> periods = new ArrayList<>();
        long cumulative = 0;
        long totalExits = 0;
        long totalReturns = 0;
        Interval interval = range.interval();
        for (LocalDate start = interval.startOf(range.from()); !start.isAfter(range.to()); start = interval.next(start)) {
            long exits = 0;
            long returns = 0;
            for (LocalDate day = start; day.isBefore(interval.next(start)); day = day.plusDays(1)) {
                DayCounts counts = byDay.get(day);
                if (counts != null) {
                    exits += counts.exits();
                    returns += counts.returns();
                }
            }
            cumulative += exits;
            totalExits += exits;
            totalReturns += returns;
            periods.add(new ExitsReport.Period(start, exits, returns, cumulative));
        }
        return new ExitsReport(request.region(), request.asOf(), range.from(), range.to(), interval, periods,
                totalExits, totalReturns, freshness);
    }
}
