package org.fupin.reporting.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;

import org.fupin.platform.security.Caller;
import org.fupin.problem.ProblemException;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.scope.ReportRegions;

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

    public ReportRequest resolve(String region, String asOf) {
        LocalDate date = asOf == null || asOf.isBlank() ? today() : date("asOf", asOf);
        if (date.isAfter(today())) {
            throw ProblemException.badRequest("invalid-parameter", "asOf cannot be in the future.");
        }
        return new ReportRequest(regions.resolve(region, caller.scope()), date, nothingDatedAfter(date));
    }

    public LocalDate today() {
        return LocalDate.now(config.zone());
    }

    /** A date parameter, or 400 {@code invalid-parameter} naming it. */
    public static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " is a date like 2020-06-30.");
        }
    }

    private boolean nothingDatedAfter(LocalDate date) {
        Object latest = entityManager.createNativeQuery("select max(day) from village_status_change").getSingleResult();
        return latest == null || !org.fupin.reporting.readmodel.StatusCounts.toDate(latest).isAfter(date);
    }
}
