package org.fupin.assistance.mywork.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.mywork.registry.RegistryClient;
import org.fupin.assistance.mywork.service.MyWork;

/** A helper's work, as the app shows it. */
@Schema(name = "MyWork")
public record MyWorkView(
        @Schema(description = "The helper the caller's account is linked to.") UUID helperId,
        Instant asOf,
        @Schema(description = "AVAILABLE, or UNAVAILABLE when household-service could not be read: then every card is null "
                + "and openAlerts is empty, the rest is complete. Ask again later.", enumeration = { "AVAILABLE", "UNAVAILABLE" })
        String registry,
        @Schema(description = "Paired households outside the token's region, not shown.") int outsideRegion,
        @Schema(description = "The households actively paired with the helper (結對幫扶), by village.") List<Household> households,
        @Schema(description = "The visits overdue or falling due within the configured days (7 by default), soonest first.")
        List<DueVisit> dueVisits,
        @Schema(description = "Monitoring alerts (防返貧監測預警) assigned to the helper and still open (OPEN: waiting for the "
                + "verification visit; RISK_CONFIRMED: waiting for the township), soonest due first.") List<Alert> openAlerts) {

    @Schema(name = "MyWorkHousehold")
    public record Household(UUID householdId, String villageCode,
            @Schema(description = "The household's status as this service last heard it.") String status,
            UUID pairingId, LocalDate pairedSince,
            @Schema(nullable = true, description = "The helper's last visit; null when never visited.") Instant lastVisitAt,
            boolean riskObservedAtLastVisit,
            @Schema(description = "The day the next visit is due, by the rule of the OVERDUE_VISIT alert.") LocalDate nextVisitDueOn,
            boolean visitOverdue,
            @Schema(nullable = true, description = "What a visit needs, as the register shows it to the caller; null when "
                    + "household-service could not be read or does not show the household to the caller.") VisitCard card) {
    }

    @Schema(name = "MyWorkVisitCard", description = "Masked and left out exactly as GET /api/v1/households/{id} does for the caller.")
    public record VisitCard(String householdNo, String villageCode,
            @Schema(nullable = true) String address,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true, description = "The head of the household's name.") String headName,
            @Schema(description = "Current members.") int members,
            @Schema(description = "The fields masked for the caller.") List<String> masked) {
    }

    @Schema(name = "MyWorkDueVisit")
    public record DueVisit(UUID householdId, LocalDate dueOn, boolean overdue) {
    }

    @Schema(name = "MyWorkAlert")
    public record Alert(UUID id, UUID householdId, @Schema(enumeration = { "OPEN", "RISK_CONFIRMED" }) String status,
            @Schema(nullable = true) LocalDate openedOn, @Schema(nullable = true) LocalDate dueOn, boolean overdue) {
    }

    static MyWorkView of(MyWork.Work work) {
        return new MyWorkView(work.helperId(), work.asOf(), work.registryAvailable() ? "AVAILABLE" : "UNAVAILABLE",
                work.outsideRegion(), work.households().stream().map(MyWorkView::household).toList(),
                work.dueVisits().stream().map(p -> new DueVisit(p.householdId(), p.nextVisit().dueOn(), p.nextVisit().overdue()))
                        .toList(),
                work.openAlerts().stream().map(MyWorkView::alert).toList());
    }

    private static Household household(MyWork.PairedHousehold p) {
        RegistryClient.VisitCard c = p.card();
        return new Household(p.householdId(), p.villageCode(), p.status(), p.pairingId(), p.pairedSince(), p.lastVisitAt(),
                p.riskObservedAtLastVisit(), p.nextVisit().dueOn(), p.nextVisit().overdue(),
                c == null ? null : new VisitCard(c.householdNo(), c.villageCode(), c.address(), c.phone(), c.headName(), c.members(),
                        c.masked()));
    }

    private static Alert alert(RegistryClient.MonitoringAlert a) {
        return new Alert(a.id(), a.householdId(), a.status(), a.openedOn(), a.dueOn(), a.overdue());
    }
}
