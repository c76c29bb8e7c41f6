package org.fupin.reporting.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.inbox.Freshness;
import org.fupin.platform.inbox.IdempotentConsumer;
import org.fupin.platform.listing.Csv;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;
import org.fupin.platform.privacy.PrivacyConfig;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.reporting.assistance.AssistanceQuery;
import org.fupin.reporting.assistance.AssistanceReport;
import org.fupin.reporting.cases.CasesQuery;
import org.fupin.reporting.cases.CasesReport;
import org.fupin.reporting.exits.ExitsQuery;
import org.fupin.reporting.exits.ExitsReport;
import org.fupin.reporting.guarantees.GuaranteesQuery;
import org.fupin.reporting.guarantees.GuaranteesReport;
import org.fupin.reporting.monitoring.MonitoringQuery;
import org.fupin.reporting.monitoring.MonitoringReport;
import org.fupin.reporting.overview.Breakdown;
import org.fupin.reporting.overview.Overview;
import org.fupin.reporting.overview.OverviewQuery;
import org.fupin.reporting.readmodel.ReadModel;
import org.fupin.reporting.specialgroups.SpecialGroupsQuery;
import org.fupin.reporting.specialgroups.SpecialGroupsReport;

/** Progress reports for the county, its townships and villages, as JSON or CSV. */
@Path("/api/v1/reports")
@Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
@Tag(name = "Reports", description = "Progress reports built from events, now or as of a past date (JSON, or CSV with Accept: text/csv)")
@RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
        Roles.ANALYST, Roles.INTEGRATOR, Roles.AUDITOR })
public class ReportResource {


    private final ReportRequests requests;
    private final OverviewQuery overviews;
    private final GuaranteesQuery guarantees;
    private final AssistanceQuery assistance;
    private final ExitsQuery exits;
    private final SpecialGroupsQuery specialGroups;
    private final CasesQuery cases;
    private final MonitoringQuery monitoring;
    private final IdempotentConsumer consumer;
    private final Caller caller;
    private final PrivacyConfig privacy;

    public ReportResource(ReportRequests requests, OverviewQuery overviews, GuaranteesQuery guarantees,
            AssistanceQuery assistance, ExitsQuery exits, SpecialGroupsQuery specialGroups, CasesQuery cases,
            MonitoringQuery monitoring, IdempotentConsumer consumer, Caller caller, PrivacyConfig privacy) {
        this.requests = requests;
        this.overviews = overviews;
        this.guarantees = guarantees;
        this.assistance = assistance;
        this.exits = exits;
        this.specialGroups = specialGroups;
        this.cases = cases;
        this.monitoring = monitoring;
        this.consumer = consumer;
        this.caller = caller;
        this.privacy = privacy;
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Overview (總覽)",
            description = "Households and people by status, currently poor, poverty incidence, poor and deep-poverty villages with exits.")
    public Overview overview(@BeanParam ReportParams params) {
        return overviews.overview(requests.resolve(params), households());
    }

    @GET
    @Path("/breakdown")
    @Operation(summary = "Breakdown by child region (分鄉鎮、分村)",
            description = "The overview figures for each township of a county or each village of a township; empty for a village.")
    public Breakdown breakdown(@BeanParam ReportParams params) {
        return overviews.breakdown(requests.resolve(params), households());
    }

    @GET
    @Path("/guarantees")
    @Operation(summary = "Guarantee gaps (兩不愁三保障)",
            description = "Currently poor households failing each dimension of their latest assessment on or before the date.")
    public GuaranteesReport guarantees(@BeanParam ReportParams params) {
        return guarantees.guarantees(requests.resolve(params), households());
    }

    @GET
    @Path("/assistance")
    @Operation(summary = "Assistance coverage (幫扶覆蓋)",
            description = "Households with and without an active helper (poor and exited apart), villages with a work team, "
                    + "measures and funds by type, visits in the 30 days up to the date.")
    public AssistanceReport assistance(@BeanParam ReportParams params) {
        return assistance.assistance(requests.resolve(params), both());
    }

    @GET
    @Path("/exits")
    @Operation(summary = "Exits and returns over time (脫貧進度)",
            description = "Confirmed exits and returns to poverty per day, week or month, by effective date.")
    public ExitsReport exits(@BeanParam ReportParams params, @BeanParam ExitsRangeParams range) {
        ReportRequest request = requests.resolve(params);
        return exits.exits(request, ExitsQuery.range(request, range.from, range.to, range.interval), households());
    }

    @GET
    @Path("/special-groups")
    @Operation(summary = "Special groups (特殊困難群體)",
            description = "Disabled people by grade and people with severe mental illness among currently poor and exited households. "
                    + "For roles that do not see disability or mental illness in full (privacy policy), counts of fewer than k people "
                    + "(FUPIN_PRIVACY_SMALL_CELL_K, default 5) are withheld, with whatever would give one back from a total (a region's "
                    + "disabled people from its grades, a region's figure from its parent's and its other children's); each "
                    + "group lists them in suppressed (in CSV an empty cell).")
    public SpecialGroupsReport specialGroups(@BeanParam ReportParams params) {
        FieldAccess access = caller.fieldAccess();
        return specialGroups.specialGroups(requests.resolve(params), households(), access.seesInFull(PersonalField.DISABILITY),
                access.seesInFull(PersonalField.MENTAL_ILLNESS), privacy.smallCellK());
    }

    @GET
    @Path("/cases")
    @Operation(summary = "Decision pipeline (兩公示一公告)",
            description = "Identification, exit, return and removal cases as of the date: by kind and outcome, the open ones by the "
                    + "stage they wait at and how many are past their time limit, cases stopped by an objection, the median and "
                    + "90th percentile days each stage took, and the pipeline of each township of a county (village of a township).")
    public CasesReport cases(@BeanParam ReportParams params,
            @Parameter(description = "IDENTIFY, EXIT, RETURN or REMOVE; default every kind.",
                    schema = @Schema(enumeration = { "IDENTIFY", "EXIT", "RETURN", "REMOVE" })) @QueryParam("kind") String kind) {
        return cases.cases(requests.resolve(params), CasesQuery.kind(kind), households());
    }

    @GET
    @Path("/monitoring")
    @Operation(summary = "Monitoring against return to poverty (防止返貧動態監測)",
            description = "As of the date: signals received from other departments by kind, department and outcome (unknown "
                    + "persons apart); alerts opened and where they stand (open, overdue, risk confirmed, approved by the township, "
                    + "dismissed); the median and 90th percentile days from an alert's opening to its first verification visit; "
                    + "households monitored by risk type; risk clearances; and the figures of each township of a county (village "
                    + "of a township).")
    public MonitoringReport monitoring(@BeanParam ReportParams params) {
        return monitoring.monitoring(requests.resolve(params), households());
    }

    private Freshness households() {
        return consumer.freshness(ReadModel.HOUSEHOLD_CONSUMER);
    }

    /** The freshness of a report drawn from both topics: the latest event of either, and the larger lag. */
    private Freshness both() {
        Freshness households = households();
        Freshness assistanceEvents = consumer.freshness(ReadModel.ASSISTANCE_CONSUMER);
        if (assistanceEvents.lastEventAt() == null) {
            return households;
        }
        if (households.lastEventAt() == null) {
            return assistanceEvents;
        }
        return new Freshness(households.lastEventAt().isAfter(assistanceEvents.lastEventAt())
                ? households.lastEventAt() : assistanceEvents.lastEventAt(),
                Math.max(households.lagMillis(), assistanceEvents.lagMillis()));
    }
}
