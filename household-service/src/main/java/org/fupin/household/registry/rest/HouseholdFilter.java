package org.fupin.household.registry.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.household.registry.domain.SearchTerm;
import org.fupin.household.registry.service.HouseholdSearch;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;
import org.fupin.platform.security.RegionFilter;
import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;

/** The filters of the household list; an unknown value is a 400, not an empty list. */
public class HouseholdFilter {

    @QueryParam("region")
    @Parameter(description = "Region code (county, township or village); narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("status")
    @Parameter(description = "POOR, EXIT_PENDING, EXITED, MONITORED, RETURNED, NOT_POOR or REMOVED",
            schema = @Schema(implementation = HouseholdStatus.class))
    String status;

    @QueryParam("category")
    @Parameter(description = "GENERAL, SUBSISTENCE_ALLOWANCE or EXTREME_HARDSHIP",
            schema = @Schema(implementation = HouseholdCategory.class))
    String category;

    @QueryParam("cause")
    @Parameter(description = "One of the causes of poverty; households listing it among their causes.",
            schema = @Schema(implementation = PovertyCause.class))
    String cause;

    @QueryParam("q")
    @Parameter(description = "A member's name (either script), a household number, or an exact ID number. A search by name "
            + "or ID number needs a role that sees that field in full (403 search-not-permitted otherwise): a search must not "
            + "tell a caller whether a person it may not see is registered. One or two characters match as a prefix of a name.",
            schema = @Schema(maxLength = 50))
    String q;

    /**
     * The filters, with the region narrowed to the caller's scope (404 for a region outside it); 403 for a search
     * by a personal field the caller does not see in full.
     */
    HouseholdSearch.Criteria criteria(RegionScope scope, FieldAccess access) {
        if (q != null && q.length() > 50) {
            throw QueryParams.invalid("q", "A search text has at most 50 characters.");
        }
        if (q != null && !q.isBlank()) {
            PersonalField searched = switch (SearchTerm.of(q)) {
                case ID_NUMBER -> PersonalField.ID_NUMBER;
                case NAME -> PersonalField.NAME;
                case HOUSEHOLD_NUMBER -> null;
            };
            if (searched != null && !access.seesInFull(searched)) {
                throw new ProblemException(403, "search-not-permitted", "Searching by " + searched.column()
                        + " is allowed only to roles that see it in full; search by household number or filters instead.");
            }
        }
        return new HouseholdSearch.Criteria(
                RegionFilter.within(scope, QueryParams.region("region", region)),
                QueryParams.enumValue(HouseholdStatus.class, "status", status),
                QueryParams.enumValue(HouseholdCategory.class, "category", category),
                QueryParams.enumValue(PovertyCause.class, "cause", cause),
                q);
    }
}
