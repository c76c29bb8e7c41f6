package org.fupin.household.history.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdLoader;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/** The audit trail of a household: every change with actor, time, reason and field-by-field diff. */
@Path("/api/v1/households/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households")
public class HistoryResource {

    private final HouseholdHistory history;
    private final HouseholdLoader households;
    private final Caller caller;
    private final AccessLog accessLog;

    public HistoryResource(HouseholdHistory history, HouseholdLoader households, Caller caller, AccessLog accessLog) {
        this.history = history;
        this.households = households;
        this.caller = caller;
        this.accessLog = accessLog;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.AUDITOR })
    @Operation(summary = "History of a household, oldest first",
            description = "Every change with who made it (from the token), when, the action, the reason and the changed fields.")
    public Page<HistoryEntryView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        HouseholdEntity household = households.inScope(id, caller.scope());
        FieldAccess access = caller.fieldAccess();
        String region = household.villageCode;
        Page<HistoryEntryView> entries = history.of(id, page.request()).map(entry -> new HistoryEntryView(entry.at, entry.actor,
                entry.action, entry.reason, entry.changes.stream().map(change -> ChangeView.of(change, access, region)).toList(),
                entry.caseId));
        accessLog.record(caller, AccessKind.HISTORY, List.of(id));
        return entries;
    }
}
