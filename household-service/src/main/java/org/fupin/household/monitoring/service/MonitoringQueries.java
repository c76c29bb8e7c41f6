package org.fupin.household.monitoring.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.ClearanceStatus;
import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.SignalOutcome;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.persistence.RiskClearanceEntity;
import org.fupin.household.monitoring.persistence.SignalEntity;
import org.fupin.household.monitoring.persistence.WarningEntity;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/** Reads of signals, alerts and clearances, always within the caller's region. */
@ApplicationScoped
public class MonitoringQueries {

    /** Alert list filters; null fields do not filter. {@code assigneeId} is a helper's or a work team's id. */
    public record AlertFilter(String region, UUID householdId, AlertStatus status, UUID assigneeId, Boolean overdue) {
    }

    /** Signal list filters; null fields do not filter. */
    public record SignalFilter(String region, UUID householdId, SignalOutcome outcome, SignalKind kind, Department department) {
    }

    /** An alert with its signals and the warnings they fired, for its page and the worklist. */
    public record AlertDetail(MonitoringAlertEntity alert, List<SignalEntity> signals, List<WarningEntity> warnings) {
    }

    /** A worklist (監測工作台賬): the open alerts of a helper or a region, soonest due first, and the counts. */
    public record Worklist(long open, long overdue, long awaitingDecision, List<AlertDetail> alerts) {
    }

    /** How many alerts a worklist shows; the alert list pages through all of them. */
    private static final int WORKLIST_SIZE = 200;

    private final RegistryConfig registry;

    public MonitoringQueries(RegistryConfig registry) {
        this.registry = registry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MonitoringAlertEntity alert(UUID id, RegionScope scope) {
        return scope.require(MonitoringAlertEntity.<MonitoringAlertEntity>findById(id), a -> a.villageCode, "Monitoring alert " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertDetail detail(UUID id, RegionScope scope) {
        return detail(alert(id, scope));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RiskClearanceEntity clearance(UUID id, RegionScope scope) {
        return scope.require(RiskClearanceEntity.<RiskClearanceEntity>findById(id), c -> c.villageCode, "Risk clearance " + id);
    }

    /** A signal of the caller's region; one no region could be found for only to whoever sent it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SignalEntity signal(UUID id, RegionScope scope, String subject) {
        SignalEntity signal = SignalEntity.findById(id);
        if (signal != null && signal.regionCode == null && subject.equals(signal.sentBy)) {
            return signal;
        }
        return scope.require(signal == null || signal.regionCode == null ? null : signal, s -> s.regionCode, "Signal " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MonitoringAlertEntity> alerts(AlertFilter filter, RegionScope scope, PageRequest page) {
        LocalDate today = today();
        Where where = Where.after(Cursors.seqAfter(page))
                .and("villageCode like :region", "region", RegionFilter.within(scope, filter.region()) + "%")
                .and("householdId = :household", "household", filter.householdId())
                .and("status = :status", "status", filter.status())
                .and("assigneeId = :assignee", "assignee", filter.assigneeId())
                .andIf(Boolean.TRUE.equals(filter.overdue()), "status = :open and dueOn < :today")
                .andIf(Boolean.FALSE.equals(filter.overdue()), "not (status = :open and dueOn < :today)");
        if (filter.overdue() != null) {
            where = where.with("today", today).with("open", AlertStatus.OPEN);
        }
        List<MonitoringAlertEntity> rows = MonitoringAlertEntity.<MonitoringAlertEntity>find(where.clause(), Sort.by("seq"),
                where.parameters()).range(0, page.fetchSize() - 1).list();
        return page.page(rows, a -> String.valueOf(a.seq));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SignalEntity> signals(SignalFilter filter, RegionScope scope, String subject, PageRequest page) {
        Where where = Where.after(Cursors.seqAfter(page))
                .and("(regionCode like :region or (regionCode is null and sentBy = :subject))", "region",
                        RegionFilter.within(scope, filter.region()) + "%")
                .with("subject", subject)
                .and("householdId = :household", "household", filter.householdId())
                .and("outcome = :outcome", "outcome", filter.outcome())
                .and("kind = :kind", "kind", filter.kind())
                .and("department = :department", "department", filter.department());
        List<SignalEntity> rows = SignalEntity.<SignalEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, s -> String.valueOf(s.seq));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RiskClearanceEntity> clearances(String region, UUID householdId, ClearanceStatus status, RegionScope scope,
            PageRequest page) {
        Where where = Where.after(Cursors.seqAfter(page))
                .and("villageCode like :region", "region", RegionFilter.within(scope, region) + "%")
                .and("householdId = :household", "household", householdId)
                .and("status = :status", "status", status);
        List<RiskClearanceEntity> rows = RiskClearanceEntity.<RiskClearanceEntity>find(where.clause(), Sort.by("seq"),
                where.parameters()).range(0, page.fetchSize() - 1).list();
        return page.page(rows, c -> String.valueOf(c.seq));
    }

    /**
     * The open alerts of a helper (or work team), or of a region, soonest due first, with their signals: what a
     * helper takes on the round of visits, and what the village and township follow.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Worklist worklist(UUID assigneeId, String region, RegionScope scope) {
        LocalDate today = today();
        Where where = Where.after(0)
                .and("villageCode like :region", "region", RegionFilter.within(scope, region) + "%")
                .and("assigneeId = :assignee", "assignee", assigneeId)
                .and("status in :statuses", "statuses", List.of(AlertStatus.OPEN, AlertStatus.RISK_CONFIRMED));
        List<MonitoringAlertEntity> open = MonitoringAlertEntity.<MonitoringAlertEntity>find(where.clause(),
                Sort.by("dueOn").and("seq"), where.parameters()).list();
        long overdue = open.stream().filter(a -> a.overdue(today)).count();
        long awaiting = open.stream().filter(a -> a.status == AlertStatus.RISK_CONFIRMED).count();
        return new Worklist(open.size(), overdue, awaiting, open.stream().limit(WORKLIST_SIZE).map(this::detail).toList());
    }

    private AlertDetail detail(MonitoringAlertEntity alert) {
        return new AlertDetail(alert, SignalEntity.ofAlert(alert.id), WarningEntity.ofAlert(alert.id));
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
