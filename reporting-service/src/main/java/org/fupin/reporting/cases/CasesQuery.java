package org.fupin.reporting.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.inbox.Freshness;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.reporting.report.ReportRequest;
import org.fupin.reporting.scope.ReportRegion;

/**
 * The decision pipeline as of a date, from {@code case_state} (the latest row of each case on or before the
 * date) and {@code case_stage_duration}. The stage after a notice waits from the day the notice ends.
 */
@ApplicationScoped
public class CasesQuery {

    /** Each case as it stood on the date: the stage it waited at, and whether its awaited step was overdue. */
    private static final String WAITING = """
            with latest as (
                select distinct on (case_id) case_id, village_code, kind, status, stage, notice_ends_on, due_on
                from case_state
                where village_code like :prefix and effective_on <= :asOf and (cast(:kind as text) is null or kind = :kind)
                order by case_id, effective_on desc, seq desc
            ),
            waiting as (
                select village_code, kind, status,
                       case when status = 'OPEN' and stage = 'VILLAGE_NOTICE' and notice_ends_on <= :asOf then 'TOWNSHIP_REVIEW'
                            when status = 'OPEN' and stage = 'TOWNSHIP_NOTICE' and notice_ends_on <= :asOf then 'COUNTY_APPROVAL'
                            else stage end as stage,
                       status in ('OPEN', 'OBJECTED') and due_on < :asOf as overdue
                from latest
            )
            """;

    private final EntityManager entityManager;

    public CasesQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CasesReport cases(ReportRequest request, String kind, Freshness freshness) {
        List<CasesReport.KindFigures> kinds = kinds(request, kind);
        Map<String, long[]> byStage = new LinkedHashMap<>();
        CaseStages.WAITING.forEach(stage -> byStage.put(stage, new long[2]));
        long objected = 0;
        long overdue = 0;
        for (Row row : Rows.list(bind(entityManager.createNativeQuery(WAITING + """
                select stage, status, count(*) as cases, count(*) filter (where overdue) as overdue
                from waiting where status in ('OPEN', 'OBJECTED') group by stage, status"""), request, kind), row -> row)) {
            overdue += row.count("overdue");
            if (row.text("status").equals("OBJECTED")) {
                objected += row.count("cases");
            } else {
                long[] figures = byStage.computeIfAbsent(row.text("stage"), stage -> new long[2]);
                figures[0] += row.count("cases");
                figures[1] += row.count("overdue");
            }
        }
        List<CasesReport.StageFigures> stages = new ArrayList<>();
        byStage.forEach((stage, figures) -> stages.add(new CasesReport.StageFigures(stage, CaseStages.LABELS.get(stage),
                figures[0], figures[1])));
        return new CasesReport(request.region(), request.asOf(), kind, kinds, stages, objected, overdue, durations(request, kind),
                pipelines(request, kind), freshness);
    }

    private List<CasesReport.KindFigures> kinds(ReportRequest request, String kind) {
        Map<String, CasesReport.KindFigures> found = new HashMap<>();
        Rows.list(bind(entityManager.createNativeQuery(WAITING + """
                select kind, count(*) filter (where status = 'OPEN') as open, count(*) filter (where status = 'OBJECTED') as objected,
                       count(*) filter (where status = 'APPROVED') as approved, count(*) filter (where status = 'REJECTED') as rejected,
                       count(*) filter (where status = 'STOPPED') as stopped, count(*) filter (where status = 'WITHDRAWN') as withdrawn
                from waiting group by kind"""), request, kind), row -> new CasesReport.KindFigures(row.text("kind"), row.count("open"),
                row.count("objected"), row.count("approved"), row.count("rejected"), row.count("stopped"), row.count("withdrawn")))
                .forEach(figures -> found.put(figures.kind(), figures));
        return CaseStages.KINDS.stream().filter(k -> kind == null || k.equals(kind))
                .map(k -> found.getOrDefault(k, new CasesReport.KindFigures(k, 0, 0, 0, 0, 0, 0))).toList();
    }

    private List<CasesReport.StageDuration> durations(ReportRequest request, String kind) {
        Map<String, CasesReport.StageDuration> found = new HashMap<>();
        Rows.list(entityManager.createNativeQuery("""
                select stage, count(*) as completed,
                       percentile_cont(0.5) within group (order by completed_on - started_on) as median_days,
                       percentile_cont(0.9) within group (order by completed_on - started_on) as p90_days
                from case_stage_duration
                where village_code like :prefix and completed_on <= :asOf and (cast(:kind as text) is null or kind = :kind)
                group by stage""").setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf())
                .setParameter("kind", kind), row -> new CasesReport.StageDuration(row.text("stage"),
                        CaseStages.LABELS.get(row.text("stage")), row.count("completed"), days(row.decimal("median_days")),
                        days(row.decimal("p90_days"))))
                .forEach(duration -> found.put(duration.stage(), duration));
        return CaseStages.LABELS.keySet().stream().filter(found::containsKey).map(found::get).toList();
    }

    /** The open and objected cases of each child region, by the stage they wait at. */
    private List<CasesReport.RegionPipeline> pipelines(ReportRequest request, String kind) {
        List<ReportRegion> children = Rows.list(entityManager.createNativeQuery("""
                select code, name, level, rural_population from region_fact where parent_code = :code order by code""")
                .setParameter("code", request.region().code()), ReportRegion::of);
        if (children.isEmpty()) {
            return List.of();
        }
        int length = children.get(0).code().length();
        Map<String, Map<String, Long>> waiting = new HashMap<>();
        Map<String, long[]> objectedAndOverdue = new HashMap<>();
        for (Row row : Rows.list(bind(entityManager.createNativeQuery(WAITING + """
                select substring(village_code, 1, :length) as unit, stage, status, count(*) as cases,
                       count(*) filter (where overdue) as overdue
                from waiting where status in ('OPEN', 'OBJECTED') group by unit, stage, status""")
                .setParameter("length", length), request, kind), row -> row)) {
            String unit = row.text("unit");
            long[] figures = objectedAndOverdue.computeIfAbsent(unit, u -> new long[2]);
            figures[1] += row.count("overdue");
            if (row.text("status").equals("OBJECTED")) {
                figures[0] += row.count("cases");
            } else {
                waiting.computeIfAbsent(unit, u -> new HashMap<>()).merge(row.text("stage"), row.count("cases"), Long::sum);
            }
        }
        List<CasesReport.RegionPipeline> rows = new ArrayList<>();
        for (ReportRegion child : children) {
            Map<String, Long> stages = new LinkedHashMap<>();
            Map<String, Long> counted = waiting.getOrDefault(child.code(), Map.of());
            CaseStages.WAITING.forEach(stage -> stages.put(stage, counted.getOrDefault(stage, 0L)));
            long[] figures = objectedAndOverdue.getOrDefault(child.code(), new long[2]);
            rows.add(new CasesReport.RegionPipeline(child, stages, figures[0], figures[1]));
        }
        return rows;
    }

    /** The kind filter of the report: null for every kind; an unknown one is a 400. */
    public static String kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CaseStages.KINDS.contains(value)) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-parameter", "kind is one of IDENTIFY, EXIT, RETURN, REMOVE.",
                    List.of(new Violation("kind", "invalid-value", "One of IDENTIFY, EXIT, RETURN, REMOVE.")));
        }
        return value;
    }

    private static Query bind(Query query, ReportRequest request, String kind) {
        return query.setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf()).setParameter("kind", kind);
    }

    private static BigDecimal days(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}
