package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.fupin.platform.sql.Rows;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.readmodel.Tally;
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
        List<ReportRegion> children = Rows.list(entityManager.createNativeQuery("""
                select code, name, level, rural_population from region_fact where parent_code = :code order by code""")
                .setParameter("code", request.region().code()), ReportRegion::of);
        List<RegionFigures> rows = children.isEmpty() ? List.of()
                : figuresBy(request, children.get(0).code().length(), children);
        return new Breakdown(request.region(), request.asOf(), rows, freshness);
    }

    /** Households and people of one status in one village. */
    private record VillageCount(String village, String status, Tally tally) {
    }

    /** A poor or deep-poverty village (貧困村, 深度貧困村) and whether it has exited as of the date. */
    private record TargetVillage(String code, boolean poor, boolean deep, boolean exited, LocalDate exitDecidedOn) {

        Overview.Villages asCount() {
            return new Overview.Villages(poor ? 1 : 0, poor && exited ? 1 : 0, deep ? 1 : 0, deep && exited ? 1 : 0,
                    poor && exitDecidedOn != null ? 1 : 0);
        }
    }

    /**
     * The figures of each of {@code units}, all of whose codes are {@code codeLength} long: one read
     * of the counts per village and status, summed up here into the units.
     */
    private List<RegionFigures> figuresBy(ReportRequest request, int codeLength, List<ReportRegion> units) {
        Map<String, Map<String, Tally>> byUnit = new HashMap<>();
        Map<String, Long> poorPeopleByVillage = new HashMap<>();
        for (VillageCount count : villageCounts(request)) {
            byUnit.computeIfAbsent(count.village().substring(0, codeLength), unit -> new HashMap<>())
                    .merge(count.status(), count.tally(), Tally::plus);
            if (HouseholdStatuses.CURRENTLY_POOR.contains(count.status())) {
                poorPeopleByVillage.merge(count.village(), count.tally().people(), Long::sum);
            }
        }

        Map<String, Overview.Villages> villagesByUnit = new HashMap<>();
        Map<String, LocalDate> exitDecidedOn = new HashMap<>();
        for (TargetVillage village : targetVillages(request, poorPeopleByVillage)) {
            villagesByUnit.merge(village.code().substring(0, codeLength), village.asCount(), Overview.Villages::plus);
            if (village.exitDecidedOn() != null) {
                exitDecidedOn.put(village.code(), village.exitDecidedOn());
            }
        }

        List<RegionFigures> figures = new ArrayList<>();
        for (ReportRegion unit : units) {
            Map<String, Tally> statuses = byUnit.getOrDefault(unit.code(), Map.of());
            Map<String, Long> households = new LinkedHashMap<>();
            Map<String, Long> people = new LinkedHashMap<>();
            for (String status : HouseholdStatuses.ALL) {
                Tally count = statuses.getOrDefault(status, Tally.ZERO);
                households.put(status, count.households());
                people.put(status, count.people());
            }
            long poorPeople = sumOf(people, HouseholdStatuses.CURRENTLY_POOR);
            figures.add(new RegionFigures(unit,
                    new Overview.Counts(total(households), households),
                    new Overview.Counts(total(people), people),
                    new Overview.CurrentlyPoor(sumOf(households, HouseholdStatuses.CURRENTLY_POOR), poorPeople),
                    incidence(poorPeople, unit.ruralPopulation()),
                    villagesByUnit.getOrDefault(unit.code(), Overview.Villages.NONE), exitDecidedOn.get(unit.code())));
        }
        return figures;
    }

    /** Today's totals, or the sum of the dated changes up to an earlier date. */
    private List<VillageCount> villageCounts(ReportRequest request) {
        var query = entityManager.createNativeQuery(request.current()
                ? "select village_code, status, households, people from village_status_total where village_code like :prefix"
                : """
                  select village_code, status, sum(households) as households, sum(people) as people
                  from village_status_change where village_code like :prefix and day <= :asOf
                  group by village_code, status""")
                .setParameter("prefix", request.prefix());
        if (!request.current()) {
            query.setParameter("asOf", request.asOf());
        }
        return Rows.list(query, row -> new VillageCount(row.text("village_code"), row.text("status"),
                new Tally(row.count("households"), row.count("people"))));
    }

    private List<TargetVillage> targetVillages(ReportRequest request, Map<String, Long> poorPeopleByVillage) {
        return Rows.list(entityManager.createNativeQuery("""
                select r.code, r.poor_village, r.deep_poverty, r.rural_population, x.decided_on
                from region_fact r left join village_exit_fact x on x.village_code = r.code and x.decided_on <= :asOf
                where r.level = 'VILLAGE' and r.code like :prefix and (r.poor_village or r.deep_poverty)""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf()), row -> {
                    String code = row.text("code");
                    boolean exited = VillageExit.hasExited(poorPeopleByVillage.getOrDefault(code, 0L),
                            row.integerOrNull("rural_population"), config.villageExitIncidence());
                    return new TargetVillage(code, row.flag("poor_village"), row.flag("deep_poverty"), exited,
                            row.dateOrNull("decided_on"));
                });
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
