package org.fupin.assistance.ledger.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.ledger.domain.MeasureStatus;
import org.fupin.assistance.ledger.domain.MeasureType;
import org.fupin.assistance.ledger.domain.ProviderKind;
import org.fupin.assistance.ledger.service.MeasureSearch;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The filters of the measure list and totals; an unknown value is a 400, not an empty list. */
public class MeasureFilter {

    @QueryParam("region")
    @Parameter(description = "Region code (county, township or village); narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("householdId")
    @Parameter(schema = @Schema(format = "uuid"))
    String householdId;

    @QueryParam("type")
    @Parameter(description = "One of the measure types, e.g. INDUSTRY", schema = @Schema(implementation = MeasureType.class))
    String type;

    @QueryParam("status")
    @Parameter(description = "PLANNED, IN_PROGRESS or COMPLETED", schema = @Schema(implementation = MeasureStatus.class))
    String status;

    @QueryParam("providerKind")
    @Parameter(description = "HELPER, UNIT or GROUP", schema = @Schema(implementation = ProviderKind.class))
    String providerKind;

    @QueryParam("providerId")
    @Parameter(schema = @Schema(format = "uuid"))
    String providerId;

    @QueryParam("confirmed")
    @Parameter(description = "true: confirmed by the household; false: not (yet) confirmed",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String confirmed;

    MeasureSearch.Criteria criteria() {
        return new MeasureSearch.Criteria(QueryParams.region("region", region), QueryParams.uuid("householdId", householdId),
                QueryParams.enumValue(MeasureType.class, "type", type), QueryParams.enumValue(MeasureStatus.class, "status", status),
                QueryParams.enumValue(ProviderKind.class, "providerKind", providerKind),
                QueryParams.uuid("providerId", providerId), QueryParams.bool("confirmed", confirmed));
    }
}
