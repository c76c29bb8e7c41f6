package org.fupin.reporting.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.reporting.report.ReportRequest;
import org.fupin.reporting.scope.ReportRegion;

/**
 * The monitoring as of a date, from its dated facts: an alert stands where its latest step on or before the date
 * left it (OPEN before any, and again after a send-back), and a household is monitored by the latest entry of its
 * status history on or before the date, the risk type being that entry's. Alerts, monitored households and
 * clearances are counted per child region in one statement each and summed up here for the region.
 */
@ApplicationScoped
public class MonitoringQuery {

    /** Each alert opened on or before the date, with its status on the date. */
    private static final String ALERTS_AT = """
            with alert_at as (
                select a.village_code, a.due_on,
                       coalesce((select s.status from monitoring_alert_step s
                                 where s.alert_id = a.alert_id and s.effective_on <= :asOf
                                 order by s.effective_on desc, s.seq desc limit 1), 'OPEN') as status
                from monitoring_alert_fact a
                where a.village_code like :prefix and a.opened_on <= :asOf
            )
            """;

    private final EntityManager entityManager;

    public MonitoringQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MonitoringReport monitoring(ReportRequest request, Freshness freshness) {
        List<ReportRegion> children = Rows.list(entityManager.createNativeQuery("""
                select code, name, level, rural_population from region_fact where parent_code = :code order by code""")
                .setParameter("code", request.region().code()), ReportRegion::of);
        // A village has no children: its figures are its own single unit.
        int length = children.isEmpty() ? request.region().code().length() : children.get(0).code().length();

        Map<String, AlertCounts> alertsByUnit = alerts(request, length);
        Map<String, Map<String, Long>> monitoredByUnit = monitored(request, length);
        Map<String, ClearanceCounts> clearancesByUnit = clearances(request, length);

        AlertCounts alerts = alertsByUnit.values().stream().reduce(AlertCounts.NONE, AlertCounts::plus);
        ClearanceCounts clearances = clearancesByUnit.values().stream().reduce(ClearanceCounts.NONE, ClearanceCounts::plus);
        Map<String, Long> byRiskType = zeros(MonitoringCodes.RISK_TYPES);
        long monitored = 0;
        for (Map<String, Long> types : monitoredByUnit.values()) {
            for (Map.Entry<String, Long> type : types.entrySet()) {
                monitored += type.getValue();
                if (!type.getKey().isEmpty()) {
                    byRiskType.merge(type.getKey(), type.getValue(), Long::sum);
                }
            }
        }

        List<MonitoringReport.RegionMonitoring> rows = children.stream().map(child -> {
            AlertCounts a = alertsByUnit.getOrDefault(child.code(), AlertCounts.NONE);
            long households = monitoredByUnit.getOrDefault(child.code(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
            return new MonitoringReport.RegionMonitoring(child, a.open(), a.overdue(), households,
                    clearancesByUnit.getOrDefault(child.code(), ClearanceCounts.NONE).approved());
        }).toList();

        return new MonitoringReport(request.region(), request.asOf(), signals(request),
                new MonitoringReport.Alerts(alerts.opened(), alerts.open(), alerts.overdue(), alerts.awaitingDecision() + alerts.approved(),
                        alerts.awaitingDecision(), alerts.approved(), alerts.dismissed()),
                verification(request), new MonitoringReport.Monitored(monitored, byRiskType),
                new MonitoringReport.Clearances(clearances.proposed(), clearances.pending(), clearances.approved(), clearances.rejected()),
                rows, freshness);
    }

    /** The alerts of one unit by their status on the date. */
    private record AlertCounts(long opened, long open, long overdue, long awaitingDecision, long approved, long dismissed) {

        static final AlertCounts NONE = new AlertCounts(0, 0, 0, 0, 0, 0);

        AlertCounts plus(AlertCounts other) {
            return new AlertCounts(opened + other.opened, open + other.open, overdue + other.overdue,
                    awaitingDecision + other.awaitingDecision, approved + other.approved, dismissed + other.dismissed);
        }
    }

    /** The clearances of one unit as decided by the date. */
    private record ClearanceCounts(long proposed, long pending, long approved, long rejected) {

        static final ClearanceCounts NONE = new ClearanceCounts(0, 0, 0, 0);

        ClearanceCounts plus(ClearanceCounts other) {
            return new ClearanceCounts(proposed + other.proposed, pending + other.pending, approved + other.approved,
                    rejected + other.rejected);
        }
    }

    private Map<String, AlertCounts> alerts(ReportRequest request, int length) {
        Map<String, AlertCounts> byUnit = new HashMap<>();
        for (Row row : Rows.list(bind(entityManager.createNativeQuery(ALERTS_AT + """
                select substring(village_code, 1, :length) as unit, count(*) as opened,
                       count(*) filter (where status = 'OPEN') as open,
                       count(*) filter (where status = 'OPEN' and due_on < :asOf) as overdue,
                       count(*) filter (where status = 'RISK_CONFIRMED') as risk_confirmed,
                       count(*) filter (where status = 'CONFIRMED') as confirmed,
                       count(*) filter (where status = 'DISMISSED') as dismissed
                from alert_at group by unit"""), request).setParameter("length", length), row -> row)) {
            byUnit.put(row.text("unit"), new AlertCounts(row.count("opened"), row.count("open"), row.count("overdue"),
                    row.count("risk_confirmed"), row.count("confirmed"), row.count("dismissed")));
        }
        return byUnit;
    }

    /**
     * Households whose latest status entry on or before the date is MONITORED, by unit and risk type ("" for none).
     * Only MONITORED entries are read (by the index on to_status), each checked for a later entry.
     */
    private Map<String, Map<String, Long>> monitored(ReportRequest request, int length) {
        Map<String, Map<String, Long>> byUnit = new HashMap<>();
        Rows.list(bind(entityManager.createNativeQuery("""
                select substring(f.village_code, 1, :length) as unit, coalesce(h.risk_type, '') as risk_type, count(*) as households
                from household_status_history h
                join household_fact f on f.household_id = h.household_id
                where h.to_status = 'MONITORED' and h.effective_date <= :asOf and f.village_code like :prefix
                  and not exists (select 1 from household_status_history later
                                  where later.household_id = h.household_id and later.effective_date <= :asOf
                                    and (later.effective_date, later.seq) > (h.effective_date, h.seq))
                group by unit, h.risk_type"""), request).setParameter("length", length), row -> row)
                .forEach(row -> byUnit.computeIfAbsent(row.text("unit"), unit -> new HashMap<>())
                        .merge(row.text("risk_type"), row.count("households"), Long::sum));
        return byUnit;
    }

    private Map<String, ClearanceCounts> clearances(ReportRequest request, int length) {
        Map<String, ClearanceCounts> byUnit = new HashMap<>();
        for (Row row : Rows.list(bind(entityManager.createNativeQuery("""
                select substring(village_code, 1, :length) as unit,
                       count(*) filter (where proposed_on <= :asOf) as proposed,
                       count(*) filter (where proposed_on <= :asOf and (decided_on is null or decided_on > :asOf)) as pending,
                       count(*) filter (where approved and decided_on <= :asOf) as approved,
                       count(*) filter (where not approved and decided_on <= :asOf) as rejected
                from risk_clearance_fact where village_code like :prefix group by unit"""), request)
                .setParameter("length", length), row -> row)) {
            byUnit.put(row.text("unit"), new ClearanceCounts(row.count("proposed"), row.count("pending"), row.count("approved"),
                    row.count("rejected")));
        }
        return byUnit;
    }

    private MonitoringReport.Signals signals(ReportRequest request) {
        Map<String, Long> byKind = zeros(MonitoringCodes.SIGNAL_KINDS);
        Map<String, Long> byDepartment = zeros(MonitoringCodes.DEPARTMENTS);
        Map<String, Long> byOutcome = zeros(MonitoringCodes.SIGNAL_OUTCOMES);
        long received = 0;
        for (Row row : Rows.list(bind(entityManager.createNativeQuery("""
                select kind, department, outcome, count(*) as signals
                from signal_fact where region_code like :prefix and received_on <= :asOf
                group by kind, department, outcome"""), request), row -> row)) {
            long count = row.count("signals");
            received += count;
            // A value a later schema adds is counted under its own key rather than dropped.
            byKind.merge(row.text("kind"), count, Long::sum);
            byDepartment.merge(row.text("department"), count, Long::sum);
            byOutcome.merge(row.text("outcome"), count, Long::sum);
        }
        return new MonitoringReport.Signals(received, byOutcome.get(MonitoringCodes.UNKNOWN_PERSON), byKind, byDepartment, byOutcome);
    }

    /** The first visit of each alert: a visit after a send-back does not restart the clock the due date sets. */
    private MonitoringReport.VerificationTime verification(ReportRequest request) {
        return Rows.single(bind(entityManager.createNativeQuery("""
                select count(*) as verified,
                       percentile_cont(0.5) within group (order by days) as median_days,
                       percentile_cont(0.9) within group (order by days) as p90_days
                from (select distinct on (alert_id) effective_on - opened_on as days
                      from monitoring_alert_step
                      where village_code like :prefix and effective_on <= :asOf and status in ('RISK_CONFIRMED', 'DISMISSED')
                      order by alert_id, effective_on, seq) first_visits"""), request),
                row -> new MonitoringReport.VerificationTime(row.count("verified"), days(row.decimal("median_days")),
                        days(row.decimal("p90_days"))));
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    private static Query bind(Query query, ReportRequest request) {
        return query.setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf());
    }

    private static BigDecimal days(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}
