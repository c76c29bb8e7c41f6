package org.fupin.reporting.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;

import org.fupin.platform.security.Caller;
import org.fupin.kernel.Refusal;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.scope.ReportRegions;
import org.fupin.platform.sql.Rows;

/** Turns the {@code region} and {@code asOf} parameters of a report into a {@link ReportRequest}. */
@RequestScoped
public class ReportRequests {

    private final ReportRegions regions;
    private final Caller caller;
    private final ReportingConfig config;
    private final EntityManager entityManager;

    public ReportRequests(ReportRegions regions, Caller caller, ReportingConfig config, EntityManager entityManager) {
        this.regions = regions;
        this.caller = caller;
        this.config = config;
        this.entityManager = entityManager;
    }

    public ReportRequest resolve(ReportParams params) {
        String asOf = params.asOf;
        LocalDate date = asOf == null || asOf.isBlank() ? today() : date("asOf", asOf);
        if (date.isAfter(today())) {
            throw Refusal.invalid("invalid-parameter", "asOf cannot be in the future.");
        }
        return new ReportRequest(regions.resolve(params.region, caller.scope()), date, nothingDatedAfter(date));
    }

    public LocalDate today() {
        return LocalDate.now(config.zone());
    }

    /** A date parameter, or 400 {@code invalid-parameter} naming it. */
    public static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-parameter", name + " is a date like 2020-06-30.");
        }
    }

    private boolean nothingDatedAfter(LocalDate date) {
        LocalDate latest = Rows.single(entityManager.createNativeQuery("select max(day) as latest from village_status_change"),
                row -> row.dateOrNull("latest"));
        return latest == null || !latest.isAfter(date);
    }
}
