package org.fupin.assistance.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.assistance.alert.domain.Alert;
import org.fupin.assistance.alert.domain.AlertType;
import org.fupin.assistance.alert.service.Alerts;
import org.fupin.platform.listing.Csv;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** What needs attention now: households without a helper or a recent visit, villages without a work team, observed risks. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Households and villages that need attention")
public class AlertResource {

    private final Alerts alerts;
    private final Caller caller;

    public AlertResource(Alerts alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    private static final Csv<Alert> CSV = Csv.of(Alert.class)
            .column("type", Alert::type).column("villageCode", Alert::villageCode).column("householdId", Alert::householdId)
            .column("householdStatus", Alert::householdStatus).column("helperId", Alert::helperId)
            .column("pairingId", Alert::pairingId).column("pairedSince", Alert::pairedSince)
            .column("lastVisitAt", Alert::lastVisitAt).column("visitId", Alert::visitId).column("poorVillage", Alert::poorVillage);

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List alerts of one type",
            description = "UNPAIRED_HOUSEHOLD: a household that is neither REMOVED nor NOT_POOR without an active helper. "
                    + "OVERDUE_VISIT: a paired household not visited by its helper within fupin.assistance.visit-overdue-after "
                    + "(30 days by default) of now, or of the pairing's start. VILLAGE_WITHOUT_WORK_TEAM: a poor village, or a "
                    + "village with households in POOR, RETURNED, EXIT_PENDING or MONITORED, without a work team. "
                    + "RISK_OBSERVED: a household whose latest visit observed a risk. Only the caller's region, in region order. "
                    + "With Accept: text/csv all alerts of the type stream as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<Alert> list(@BeanParam AlertFilter filter, @BeanParam PageParams page) {
        return alerts.page(filter.type(), filter.region(), caller.scope(), page.request());
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam AlertFilter filter) {
        AlertType alertType = filter.type();
        String requested = filter.region();
        RegionScope scope = caller.scope();
        // Before the stream starts: a region outside the caller's answers 404, not a broken CSV.
        RegionFilter.within(scope, requested);
        return CSV.response("alerts.csv", sink -> alerts.each(alertType, requested, scope, sink));
    }

}
