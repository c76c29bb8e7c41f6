package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.report.ReportRequest;
import org.fupin.reporting.scope.ReportRegion;

/**
 * The overview of a region and its breakdown by child region, read from the precomputed counts:
 * today's totals per village and status, or, as of an earlier date, the sum of the dated changes
 * up to that date (see {@code HouseholdTimeline}). Either way a few thousand rows at most, however
 * many households there are.
 */
@ApplicationScoped
public class OverviewQuery {

    private final EntityManager entityManager;
    private final ReportingConfig config;

    public OverviewQuery(EntityManager entityManager, ReportingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(ReportRequest request, Freshness freshness) {
        ReportRegion region = request.region();
        RegionFigures figures = figuresBy(request, region.code().length(), List.of(region)).get(0);
        return Overview.of(region, request.asOf(), figures, freshness);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Breakdown breakdown(ReportRequest request, Freshness freshness) {
        List<ReportRegion> children = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select code, name, level, rural_population from region_fact where parent_code = :code order by code""")
                .setParameter("code", request.region().code()).getResultList()) {
            Object[] c = (Object[]) row;
            children.add(new ReportRegion((String) c[0], (String) c[1], (String) c[2],
                    c[3] == null ? null : ((Number) c[3]).intValue()));
        }
        List<RegionFigures> rows = children.isEmpty() ? List.of()
                : figuresBy(request, children.get(0).code().length(), children);
        return new Breakdown(request.region(), request.asOf(), rows, freshness);
    }

    /** The figures of each of {@code units}, all of whose codes are {@code codeLength} long. */
    private List<RegionFigures> figuresBy(ReportRequest request, int codeLength, List<ReportRegion> units) {
        String counts = request.current()
                ? "select village_code, status, households, people from village_status_total where village_code like :prefix"
                : """
                  select village_code, status, sum(households) as households, sum(people) as people
                  from village_status_change where village_code like :prefix and day <= :asOf
                  group by village_code, status""";
        Map<String, Map<String, long[]>> byUnit = new HashMap<>();
        var statusQuery = entityManager.createNativeQuery("""
                with counts as (%s)
                select left(village_code, :length), status, sum(households), sum(people) from counts group by 1, 2"""
                .formatted(counts))
                .setParameter("prefix", request.prefix())
                .setParameter("length", codeLength);
        if (!request.current()) {
            statusQuery.setParameter("asOf", request.asOf());
        }
        for (Object row : statusQuery.getResultList()) {
            Object[] c = (Object[]) row;
            byUnit.computeIfAbsent((String) c[0], unit -> new HashMap<>())
                    .put((String) c[1], new long[] { ((Number) c[2]).longValue(), ((Number) c[3]).longValue() });
        }

        Map<String, Overview.Villages> villages = new HashMap<>();
        var villageQuery = entityManager.createNativeQuery("""
                with counts as (%s),
                poor_people as (
                    select village_code, sum(people) as people from counts
                    where status in ('POOR', 'RETURNED', 'EXIT_PENDING') group by village_code
                ),
                village as (
                    select v.code, v.poor_village, v.deep_poverty,
                           v.rural_population > 0 and coalesce(p.people, 0) < :threshold * v.rural_population as exited
                    from region_fact v left join poor_people p on p.village_code = v.code
                    where v.level = 'VILLAGE' and v.code like :prefix and (v.poor_village or v.deep_poverty)
                )
                select left(code, :length),
                       count(*) filter (where poor_village), count(*) filter (where poor_village and exited),
                       count(*) filter (where deep_poverty), count(*) filter (where deep_poverty and exited)
                from village group by 1""".formatted(counts))
                .setParameter("prefix", request.prefix())
                .setParameter("length", codeLength)
                .setParameter("threshold", config.villageExitIncidence());
        if (!request.current()) {
            villageQuery.setParameter("asOf", request.asOf());
        }
        for (Object row : villageQuery.getResultList()) {
            Object[] c = (Object[]) row;
            villages.put((String) c[0], new Overview.Villages(((Number) c[1]).longValue(), ((Number) c[2]).longValue(),
                    ((Number) c[3]).longValue(), ((Number) c[4]).longValue()));
        }

        List<RegionFigures> figures = new ArrayList<>();
        for (ReportRegion unit : units) {
            Map<String, long[]> statuses = byUnit.getOrDefault(unit.code(), Map.of());
            Map<String, Long> households = new LinkedHashMap<>();
            Map<String, Long> people = new LinkedHashMap<>();
            for (String status : HouseholdStatuses.ALL) {
                long[] count = statuses.getOrDefault(status, new long[2]);
                households.put(status, count[0]);
                people.put(status, count[1]);
            }
            long poorPeople = sumOf(people, HouseholdStatuses.CURRENTLY_POOR);
            figures.add(new RegionFigures(unit,
                    new Overview.Counts(total(households), households),
                    new Overview.Counts(total(people), people),
                    new Overview.CurrentlyPoor(sumOf(households, HouseholdStatuses.CURRENTLY_POOR), poorPeople),
                    incidence(poorPeople, unit.ruralPopulation()),
                    villages.getOrDefault(unit.code(), new Overview.Villages(0, 0, 0, 0))));
        }
        return figures;
    }

    static BigDecimal incidence(long poorPeople, Integer ruralPopulation) {
        if (ruralPopulation == null || ruralPopulation <= 0) {
            return null;
        }
        return BigDecimal.valueOf(poorPeople).divide(BigDecimal.valueOf(ruralPopulation), 4, RoundingMode.HALF_UP);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long sumOf(Map<String, Long> counts, Set<String> statuses) {
        return statuses.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
    }
}
