package org.fupin.household.duplicates.rest;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.duplicates.domain.DuplicateDecisions.Status;
import org.fupin.household.duplicates.service.DuplicateReviews;
import org.fupin.household.duplicates.service.DuplicateScans;
import org.fupin.kernel.Refusal;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.Roles;

/** Possible duplicates in the register: scans, and the review queue a township officer works through. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duplicates", description = "One person registered once (重复人员核查): scans and the review queue")
@RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER })
public class DuplicateResource {

    private final DuplicateScans scans;
    private final DuplicateReviews reviews;
    private final Caller caller;
    private final AccessLog accessLog;

    public DuplicateResource(DuplicateScans scans, DuplicateReviews reviews, Caller caller, AccessLog accessLog) {
        this.scans = scans;
        this.reviews = reviews;
        this.caller = caller;
        this.accessLog = accessLog;
    }

    @POST
    @Path("/duplicate-scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scan the register for duplicates",
            description = "Queues a scan of a region (default yours) for people registered twice: the same name in either script "
                    + "or in pinyin with the same birth date, or with ID numbers one digit apart or with two digits swapped. "
                    + "New pairs join the review queue. Poll the scan until DONE.")
    @APIResponseSchema(value = DuplicateViews.ScanView.class, responseCode = "202", responseDescription = "The scan, queued")
    public Response scan(DuplicateViews.ScanRequest body) {
        String region = QueryParams.region("region", body == null ? null : body.region());
        DuplicateScans.Scan scan = scans.request(region, caller.scope(), caller.actor());
        return Response.accepted(DuplicateViews.ScanView.of(scan)).location(URI.create("/api/v1/duplicate-scans/" + scan.id())).build();
    }

    @GET
    @Path("/duplicate-scans/{id}")
    @Operation(summary = "A duplicate scan and what it found")
    public DuplicateViews.ScanView scanOf(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return DuplicateViews.ScanView.of(scans.get(uuid(id), caller.scope()));
    }

    @GET
    @Path("/duplicate-candidates")
    @Operation(summary = "The review queue of possible duplicates",
            description = "Pairs of member records that may be one person, with a side in the region (default yours), oldest found "
                    + "first; people as the privacy policy lets you see them.")
    public Page<DuplicateViews.PairView> queue(
            @QueryParam("region") @Parameter(description = "Region code; narrowed to yours.",
                    schema = @Schema(pattern = QueryParams.REGION_CODE)) String region,
            @QueryParam("status") @Parameter(description = "OPEN (default), DISTINCT, MERGED or MOVED",
                    schema = @Schema(enumeration = { "OPEN", "DISTINCT", "MERGED", "MOVED" })) String status,
            @BeanParam PageParams page) {
        String within = RegionFilter.within(caller.scope(), QueryParams.region("region", region));
        Status given = QueryParams.enumValue(Status.class, "status", status);
        String wanted = (given == null ? Status.OPEN : given).name();
        FieldAccess access = caller.fieldAccess();
        Page<DuplicateReviews.Pair> pairs = reviews.page(within, wanted, page.request());
        accessLog.record(caller, AccessKind.DUPLICATES, pairs.items().stream()
                .flatMap(pair -> Stream.of(pair.a().householdId(), pair.b().householdId())).toList());
        return pairs.map(pair -> DuplicateViews.PairView.of(pair, access));
    }

    @GET
    @Path("/duplicate-candidates/{id}")
    @Operation(summary = "One possible duplicate")
    public DuplicateViews.PairView candidate(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return view(reviews.get(uuid(id), caller.scope()));
    }

    @POST
    @Path("/duplicate-candidates/{id}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide that a possible duplicate is two people",
            description = "With a reason (5 to 500 characters), recorded in both households' history; the pair stays DISTINCT "
                    + "through later scans. Needs a region that covers both households (403 duplicate-outside-region); a pair "
                    + "decided already answers 409 duplicate-already-decided.")
    public DuplicateViews.PairView dismiss(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
            DuplicateViews.Dismissal body) {
        return view(reviews.dismiss(uuid(id), body == null ? null : body.reason(), caller.scope(), caller.actor()));
    }

    @POST
    @Path("/duplicate-candidates/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide that a possible duplicate is one person registered twice",
            description = "The record named by keep stays; the other is retired from its household (household.member-removed, "
                    + "reason DUPLICATE, duplicateOf the kept record) from the day the person's other record began, so that "
                    + "reports for every date count the person once. The retired record may be neither its household's head "
                    + "(422 head-removal: designate another head first) nor its last member (422 last-member: remove the "
                    + "household by a removal case). 409 duplicate-member-removed when a record left its household since; "
                    + "undo restores the record.")
    public DuplicateViews.PairView merge(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
            DuplicateViews.Merge body) {
        DuplicateViews.Merge merge = body == null ? new DuplicateViews.Merge(null, null) : body;
        return view(reviews.merge(uuid(id), required("keep", merge.keep()), merge.reason(), caller.scope(), caller.actor()));
    }

    @POST
    @Path("/duplicate-candidates/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide that a possible duplicate is one person living in the other record's household",
            description = "The record named by member leaves its household as MOVED_OUT (household.member-removed with "
                    + "duplicateOf the record that stays) on effectiveDate, default the day the other record began. The same "
                    + "rules as a merge hold; undo restores the record.")
    public DuplicateViews.PairView move(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
            DuplicateViews.Move body) {
        DuplicateViews.Move move = body == null ? new DuplicateViews.Move(null, null, null) : body;
        return view(reviews.move(uuid(id), required("member", move.member()), move.effectiveDate(), move.reason(), caller.scope(),
                caller.actor()));
    }

    @POST
    @Path("/duplicate-candidates/{id}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Undo the decision on a possible duplicate",
            description = "The pair is OPEN again; a record a merge or move removed is current again and counts as if it had "
                    + "never left (household.member-restored). With a reason, recorded in both households' history. 409 "
                    + "duplicate-not-decided for an open pair; 409 duplicate-id-number when the restored record's ID number "
                    + "was registered for someone else since.")
    public DuplicateViews.PairView undo(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
            DuplicateViews.Undo body) {
        return view(reviews.undo(uuid(id), body == null ? null : body.reason(), caller.scope(), caller.actor()));
    }

    /** A pair as the caller may see it, its reading recorded in the access log first (it names two people). */
    private DuplicateViews.PairView view(DuplicateReviews.Pair pair) {
        accessLog.record(caller, AccessKind.DUPLICATES, List.of(pair.a().householdId(), pair.b().householdId()));
        return DuplicateViews.PairView.of(pair, caller.fieldAccess());
    }

    private static UUID required(String field, UUID value) {
        if (value == null) {
            throw Refusal.invalid(field, "required", field + " is the member id of one of the pair's two records.");
        }
        return value;
    }

    private static UUID uuid(String id) {
        UUID value = QueryParams.uuid("id", id);
        if (value == null) {
            throw QueryParams.invalid("id", "id is a UUID.");
        }
        return value;
    }
}
