package org.fupin.assistance.pairing.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.service.PairingSearch;
import org.fupin.platform.listing.QueryParams;

/** The filters of the pairing list (JSON and CSV alike); an unknown value is a 400, not an empty list. */
public class PairingFilter {

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.")
    String region;

    @QueryParam("villageCode")
    @Parameter(description = "Pairings of this village (12 digits).")
    String villageCode;

    @QueryParam("helperId")
    String helperId;

    @QueryParam("householdId")
    String householdId;

    @QueryParam("unitId")
    String unitId;

    @QueryParam("groupId")
    String groupId;

    @QueryParam("active")
    @Parameter(description = "true: active only; false: ended only")
    String active;

    @QueryParam("kind")
    @Parameter(description = "HELPER_HOUSEHOLD, UNIT_VILLAGE or GROUP_VILLAGE", schema = @Schema(implementation = PairingKind.class))
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
