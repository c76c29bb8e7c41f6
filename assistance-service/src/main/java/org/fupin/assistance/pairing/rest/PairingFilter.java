package org.fupin.assistance.pairing.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.service.PairingSearch;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The filters of the pairing list (JSON and CSV alike); an unknown value is a 400, not an empty list. */
public class PairingFilter {

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("villageCode")
    @Parameter(description = "Pairings of this village (12 digits).", schema = @Schema(pattern = QueryParams.VILLAGE_CODE))
    String villageCode;

    @QueryParam("helperId")
    @Parameter(schema = @Schema(format = "uuid"))
    String helperId;

    @QueryParam("householdId")
    @Parameter(schema = @Schema(format = "uuid"))
    String householdId;

    @QueryParam("unitId")
    @Parameter(schema = @Schema(format = "uuid"))
    String unitId;

    @QueryParam("groupId")
    @Parameter(schema = @Schema(format = "uuid"))
    String groupId;

    @QueryParam("active")
    @Parameter(description = "true: active only; false: ended only", schema = @Schema(type = SchemaType.BOOLEAN))
    String active;

    @QueryParam("kind")
    @Parameter(description = "HELPER_HOUSEHOLD, UNIT_VILLAGE or GROUP_VILLAGE",
            schema = @Schema(implementation = PairingKind.class))
    String kind;

    /** villageCode is the most specific region there is, so it takes the place of region when given. */
    PairingSearch.Criteria criteria() {
        String village = QueryParams.region("villageCode", villageCode);
        if (village != null && village.length() != 12) {
            throw QueryParams.invalid("villageCode", "A village code has 12 digits.");
        }
        return new PairingSearch.Criteria(village != null ? village : QueryParams.region("region", region),
                QueryParams.uuid("helperId", helperId), QueryParams.uuid("householdId", householdId),
                QueryParams.uuid("unitId", unitId), QueryParams.uuid("groupId", groupId), QueryParams.bool("active", active),
                QueryParams.enumValue(PairingKind.class, "kind", kind));
    }
}
