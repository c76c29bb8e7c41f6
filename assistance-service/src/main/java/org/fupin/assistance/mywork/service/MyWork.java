package org.fupin.assistance.mywork.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.assistance.mywork.domain.VisitDue;
import org.fupin.assistance.mywork.registry.RegistryClient;
import org.fupin.kernel.Refusal;
import org.fupin.platform.sql.Rows;
import org.fupin.security.RegionScope;

/**
 * A helper's work for the app, in one answer: the households paired with them (with the card a visit needs), the
 * visits falling due, and the monitoring alerts waiting for them. The pairings and visits are this service's; the
 * cards and alerts are read from household-service with the caller's token, after the database is done with.
 */
@ApplicationScoped
public class MyWork {

    /** A household paired with the helper, with its visit schedule and, when it could be read, its card. */
    public record PairedHousehold(UUID householdId, String villageCode, String status, UUID pairingId, LocalDate pairedSince,
            Instant lastVisitAt, boolean riskObservedAtLastVisit, VisitDue nextVisit, RegistryClient.VisitCard card) {
    }

    /**
     * @param registryAvailable false when household-service could not be read: cards and alerts are missing, the rest
     *        is complete
     * @param outsideRegion paired households outside the token's region: not shown
     */
    public record Work(UUID helperId, Instant asOf, List<PairedHousehold> households, List<PairedHousehold> dueVisits,
            List<RegistryClient.MonitoringAlert> openAlerts, boolean registryAvailable, int outsideRegion) {
    }

    /** The active pairings of the helper, with the helper's last visit to each household. */
    private static final String PAIRED = """
            select p.id, p.household_id, p.start_date, h.village_code, h.status, last.visited_at, last.risk_observed
            from pairing p
            join household_replica h on h.household_id = p.household_id
            left join lateral (select v.visited_at, v.risk_observed from visit v
                               where v.household_id = p.household_id and v.helper_id = p.helper_id
                               order by v.visited_at desc, v.id desc limit 1) last on true
            where p.kind = 'HELPER_HOUSEHOLD' and p.end_date is null and p.helper_id = :helper
            order by h.village_code, p.household_id""";

    private final EntityManager entityManager;
    private final HelperAccounts accounts;
    private final RegistryClient registry;
    private final AssistanceConfig config;
    private final Clock clock = Clock.systemUTC();

    public MyWork(EntityManager entityManager, HelperAccounts accounts, RegistryClient registry, AssistanceConfig config) {
        this.entityManager = entityManager;
        this.accounts = accounts;
        this.registry = registry;
        this.config = config;
    }

    public Work of(String subject, RegionScope scope, String bearerToken) {
        UUID helperId = accounts.helperOf(subject).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no-helper-account",
                "Your account is linked to no helper. The county's assistance office links it (PUT /api/v1/helpers/{id}/account)."));
        Instant now = clock.instant();
        List<PairedHousehold> paired = Rows.list(entityManager.createNativeQuery(PAIRED).setParameter("helper", helperId),
                row -> new PairedHousehold(row.uuid("household_id"), row.text("village_code"), row.text("status"), row.uuid("id"),
                        row.date("start_date"), row.instantOrNull("visited_at"), row.flag("risk_observed"),
                        VisitDue.of(row.date("start_date"), row.instantOrNull("visited_at"), config.visitOverdueAfter(),
                                config.zone(), now), null));
        List<PairedHousehold> visible = paired.stream().filter(p -> scope.covers(p.villageCode())).toList();

        boolean available = true;
        List<PairedHousehold> households = new ArrayList<>(visible.size());
        List<RegistryClient.MonitoringAlert> alerts = List.of();
        try {
            for (PairedHousehold p : visible) {
                Optional<RegistryClient.VisitCard> card = registry.card(p.householdId(), bearerToken);
                households.add(new PairedHousehold(p.householdId(), p.villageCode(), p.status(), p.pairingId(), p.pairedSince(),
                        p.lastVisitAt(), p.riskObservedAtLastVisit(), p.nextVisit(), card.orElse(null)));
            }
            alerts = registry.openAlerts(helperId, bearerToken);
        } catch (RegistryClient.Unavailable e) {
            available = false;
            households = new ArrayList<>(visible);
        }
        List<PairedHousehold> due = households.stream().filter(p -> p.nextVisit().dueWithin(config.myWork().dueWithin(), now))
                .sorted(Comparator.comparing(p -> p.nextVisit().dueAt())).toList();
        return new Work(helperId, now, households, due, alerts, available, paired.size() - visible.size());
    }
}
