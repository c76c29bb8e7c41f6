package org.fupin.household.sync.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.registry.rest.HouseholdMapper;
import org.fupin.household.registry.rest.HouseholdView;
import org.fupin.household.sync.domain.ChangeCursor;
import org.fupin.household.sync.service.ChangeFeed;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/** The change feed an offline app syncs from (離線同步): what changed in its region since its last sync. */
@Path("/api/v1/households/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offline sync", description = "What changed since an app last synced, and the writes it made offline, in batches")
public class ChangesResource {

    private final ChangeFeed feed;
    private final Caller caller;
    private final AccessLog accessLog;

    public ChangesResource(ChangeFeed feed, Caller caller, AccessLog accessLog) {
        this.feed = feed;
        this.caller = caller;
        this.accessLog = accessLog;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "What changed in a region since the app's last sync",
            description = "Without since: every household of the region (a first sync). With since (the cursor of the last "
                    + "call): each household that changed since, once, as it is now (members included, masked as in "
                    + "the lists), in the order the changes were committed; a household that moved out of the region comes "
                    + "as LEFT. Page on with since=cursor while hasMore; keep the last cursor for the next sync. A cursor older than "
                    + "the retention (30 days) answers 410 "
                    + "cursor-expired: sync from scratch. Every page is recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The changes, and the cursor for the next sync",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePageView.class)))
    @APIResponse(responseCode = "410", description = "The cursor is older than the retention (cursor-expired): call again without since")
    public ChangePageView changes(
            @QueryParam("region") @Parameter(description = "Default the caller's region.",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.REGION_CODE)) String region,
            @QueryParam("since") @Parameter(description = "The cursor of the app's last call; absent for a first sync.")
            String since,
            @QueryParam("limit") @Parameter(description = "Households per page, 1 to 500; default 50.") String limit) {
        ChangeCursor cursor = since == null || since.isEmpty() ? null : ChangeCursor.decode(since)
                .orElseThrow(() -> QueryParams.invalid("since", "The cursor is not one this feed issued; sync from scratch without since."));
        int size = PageRequest.fromQuery(limit, null).limit();
        FieldAccess access = caller.fieldAccess();
        ChangeFeed.ChangePage<HouseholdView> page = feed.page(QueryParams.region("region", region), cursor,
                size, caller.scope(), household -> HouseholdMapper.view(household, access));
        accessLog.record(caller, AccessKind.LIST, page.items().stream().filter(change -> !change.left())
                .map(ChangeFeed.Change::householdId).toList());
        return new ChangePageView(page.items().stream().map(change -> new ChangeView(change.householdId(),
                change.left() ? "LEFT" : "CHANGED", change.version(), change.household())).toList(), page.cursor(), page.hasMore());
    }
}
