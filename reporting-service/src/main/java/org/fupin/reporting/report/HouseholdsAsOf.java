package org.fupin.reporting.report;

import jakarta.persistence.Query;

/**
 * The SQL of "every household under the region with the status it had on the date", as a common
 * table expression {@code status_at(household_id, village_code, status)} for the reports that
 * count households one by one. Today that is the current status; on an earlier date the last
 * status history entry on or before it, so households registered later are absent.
 */
public final class HouseholdsAsOf {

    private HouseholdsAsOf() {
    }

    public static String statusAt(ReportRequest request) {
        if (request.current()) {
            return """
                    status_at as (
                        select household_id, village_code, status from household_fact where village_code like :prefix
                    )""";
        }
        return """
                status_at as (
                    select distinct on (h.household_id) h.household_id, f.village_code, h.to_status as status
                    from household_status_history h
                    join household_fact f on f.household_id = h.household_id
                    where f.village_code like :prefix and h.effective_date <= :asOf
                    order by h.household_id, h.effective_date desc, h.seq desc
                )""";
    }

    /** Binds the parameters of {@link #statusAt} (and {@code :asOf}, which the other parts may use too). */
    public static Query bind(Query query, ReportRequest request) {
        return query.setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf());
    }
}
