package org.fupin.household.notices.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.notices.domain.NameDisplay;
import org.fupin.household.notices.service.PublicNotices;
import org.fupin.platform.listing.Csv;
import org.fupin.platform.privacy.PersonalField;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** Public notice lists (公示名單) and the county's announcements (公告), in JSON, CSV and printable HTML. */
@Tag(name = "Public notices")
@Path("/api/v1")
public class PublicNoticeResource {

    /** Below JSON and CSV, so that a client accepting anything gets JSON; a browser asking for HTML gets the page. */
    static final String HTML = "text/html;qs=0.4";

    private static final String ROLES_NOTE = " ID numbers are always masked; names are shown as the county configures "
            + "(fupin.notices.names: FULL, MASKED or NONE). With Accept: text/csv the list is CSV; with Accept: text/html "
            + "it is the printable page (A4, simplified Chinese).";

    private final PublicNotices notices;
    private final Caller caller;
    private final RegistryConfig registry;

    public PublicNoticeResource(PublicNotices notices, Caller caller, RegistryConfig registry) {
        this.notices = notices;
        this.caller = caller;
        this.registry = registry;
    }

    @GET
    @Path("/public-notices")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "The public notice list (公示名單) of a day",
            description = "The households whose case is on a village notice (村公示) or township notice (鄉鎮公示) on the day, "
                    + "village by village: the document a cadre pins on the village board. A notice shown on a past day stays "
                    + "on that day's list after the case moved on; a case that ended before the day is not on it." + ROLES_NOTE)
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv,text/html")
    public NoticeViews.NoticeList notices(@BeanParam NoticeParams params) {
        return NoticeViews.list(boardOf(params));
    }

    @GET
    @Path("/public-notices")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response boardCsv(@BeanParam NoticeParams params) {
        PublicNotices.Board board = boardOf(params);
        return NoticeViews.NOTICE_CSV.response("public-notices-" + board.region().code() + "-" + board.on() + ".csv",
                sink -> board.entries().forEach(sink));
    }

    @GET
    @Path("/public-notices")
    @Produces(HTML)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response boardPage(@BeanParam NoticeParams params) {
        return page(NoticePages.board(boardOf(params)));
    }

    @GET
    @Path("/announcements")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "The county's announcement list (公告) of a period",
            description = "The households whose case the county approved and announced (縣審定公告) between from and to, both "
                    + "included, by kind; the announcement's date is the effective date of each household's new status." + ROLES_NOTE)
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv,text/html")
    public NoticeViews.AnnouncementList announcements(@BeanParam AnnouncementParams params) {
        return NoticeViews.list(announced(params));
    }

    @GET
    @Path("/announcements")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response announcementsCsv(@BeanParam AnnouncementParams params) {
        PublicNotices.Announcement announcement = announced(params);
        return NoticeViews.ANNOUNCED_CSV.response("announcements-" + announcement.region().code() + "-" + announcement.from()
                + "-" + announcement.to() + ".csv", sink -> announcement.entries().forEach(sink));
    }

    @GET
    @Path("/announcements")
    @Produces(HTML)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response announcementsPage(@BeanParam AnnouncementParams params) {
        return page(NoticePages.announcement(announced(params)));
    }

    private PublicNotices.Board boardOf(NoticeParams params) {
        return notices.board(params.region(), params.on(today()), caller.scope(), namesAllowed());
    }

    private PublicNotices.Announcement announced(AnnouncementParams params) {
        LocalDate today = today();
        return notices.announced(params.region(), params.from(today), params.to(today), caller.scope(), namesAllowed());
    }

    /** The board's names are a public document in the village, but a reader of the API sees them at most as the policy allows. */
    private NameDisplay namesAllowed() {
        return switch (caller.fieldAccess().disclosures().get(PersonalField.NAME)) {
            case FULL -> NameDisplay.FULL;
            case MASKED -> NameDisplay.MASKED;
            case OMITTED -> NameDisplay.NONE;
        };
    }

    private static Response page(String html) {
        // A document of personal data: never cached by a shared cache, and no script runs in it.
        return Response.ok(html, "text/html; charset=utf-8")
                .header("Cache-Control", "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .build();
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
