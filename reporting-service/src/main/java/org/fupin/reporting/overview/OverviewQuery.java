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

    /**
     * The figures of each of {@code units}, all of whose codes are {@code codeLength} long: one read
     * of the counts per village and status, summed up here into the units.
     */
    private List<RegionFigures> figuresBy(ReportRequest request, int codeLength, List<ReportRegion> units) {
        var countsQuery = entityManager.createNativeQuery(request.current()
                ? "select village_code, status, households, people from village_status_total where village_code like :prefix"
                : """
                  select village_code, status, sum(households), sum(people)
                  from village_status_change where village_code like :prefix and day <= :asOf
                  group by village_code, status""")
                .setParameter("prefix", request.prefix());
        if (!request.current()) {
            countsQuery.setParameter("asOf", request.asOf());
        }
        Map<String, Map<String, long[]>> byUnit = new HashMap<>();
        Map<String, Long> poorPeopleByVillage = new HashMap<>();
        for (Object row : countsQuery.getResultList()) {
            Object[] c = (Object[]) row;
            String village = (String) c[0];
            String status = (String) c[1];
            long households = ((Number) c[2]).longValue();
            long people = ((Number) c[3]).longValue();
            long[] sum = byUnit.computeIfAbsent(village.substring(0, codeLength), unit -> new HashMap<>())
                    .computeIfAbsent(status, s -> new long[2]);
            sum[0] += households;
            sum[1] += people;
            if (HouseholdStatuses.CURRENTLY_POOR.contains(status)) {
                poorPeopleByVillage.merge(village, people, Long::sum);
            }
        }

        Map<String, long[]> villagesByUnit = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("""
                select code, poor_village, deep_poverty, rural_population from region_fact
                where level = 'VILLAGE' and code like :prefix and (poor_village or deep_poverty)""")
                .setParameter("prefix", request.prefix()).getResultList()) {
            Object[] c = (Object[]) row;
            String village = (String) c[0];
            boolean poor = (Boolean) c[1];
            boolean deep = (Boolean) c[2];
            boolean exited = VillageExit.hasExited(poorPeopleByVillage.getOrDefault(village, 0L),
                    c[3] == null ? null : ((Number) c[3]).intValue(), config.villageExitIncidence());
            long[] counts = villagesByUnit.computeIfAbsent(village.substring(0, codeLength), unit -> new long[4]);
            counts[0] += poor ? 1 : 0;
            counts[1] += poor && exited ? 1 : 0;
            counts[2] += deep ? 1 : 0;
            counts[3] += deep && exited ? 1 : 0;
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
            long[] villages = villagesByUnit.getOrDefault(unit.code(), new long[4]);
            figures.add(new RegionFigures(unit,
                    new Overview.Counts(total(households), households),
                    new Overview.Counts(total(people), people),
                    new Overview.CurrentlyPoor(sumOf(households, HouseholdStatuses.CURRENTLY_POOR), poorPeople),
                    incidence(poorPeople, unit.ruralPopulation()),
                    new Overview.Villages(villages[0], villages[1], villages[2], villages[3])));
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
