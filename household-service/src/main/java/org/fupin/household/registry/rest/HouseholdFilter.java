package org.fupin.household.registry.rest;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.household.registry.service.HouseholdSearch;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/** The filters of the household list; an unknown value is a 400, not an empty list. */
public class HouseholdFilter {

    @QueryParam("region")
    @Parameter(description = "Region code (county, township or village); narrowed to the caller's region.")
    String region;

    @QueryParam("status")
    @Parameter(description = "POOR, EXIT_PENDING, EXITED, MONITORED, RETURNED, NOT_POOR or REMOVED")
    String status;

    @QueryParam("category")
    @Parameter(description = "GENERAL, SUBSISTENCE_ALLOWANCE or EXTREME_HARDSHIP")
    String category;

    @QueryParam("cause")
    @Parameter(description = "One of the causes of poverty; households listing it among their causes.")
    String cause;

    @QueryParam("q")
    @Parameter(description = "A member's name (either script), a household number, or an exact ID number.")
    String q;

    HouseholdSearch.Criteria criteria() {
        if (region != null && !region.isBlank() && !region.matches("\\d{6}(\\d{3}(\\d{3})?)?")) {
            throw invalid("region", "A region code has 6, 9 or 12 digits.");
        }
        if (q != null && q.length() > 50) {
            throw invalid("q", "A search text has at most 50 characters.");
        }
        return new HouseholdSearch.Criteria(
                region == null || region.isBlank() ? null : region,
                parse(HouseholdStatus.class, "status", status),
                parse(HouseholdCategory.class, "category", category),
                parse(PovertyCause.class, "cause", cause),
                q);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, name + " is not one of its documented values.");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "invalid-parameter", message, List.of(new FieldError(field, "invalid-value", message)));
    }
}
