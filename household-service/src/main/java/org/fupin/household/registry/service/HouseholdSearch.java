package org.fupin.household.registry.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.household.region.domain.RegionLevel;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.NameSearch;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Rows;

/**
 * Finds households: {@code q} matches a member's name in either script, the household number, or
 * an exact ID number; filters narrow by region, status, category and cause. Always within the
 * caller's region, in household-number order (which is also region order), by keyset pages.
 */
@ApplicationScoped
public class HouseholdSearch {

    /** What the caller asked for; null fields do not filter, but region is always given, within the caller's scope. */
    public record Criteria(String region, HouseholdStatus status, HouseholdCategory category, PovertyCause cause, String q) {
    }

    /** One household as a list shows it. */
    public record Row(UUID id, String householdNo, String villageCode, String status, String riskType, String category,
            String primaryCause, List<String> causes, int identifiedYear, BigDecimal annualIncomePerCapita,
            LocalDate registeredOn, String headName, String headIdNumber, int memberCount) {
    }

    private static final String SELECT = """
            select h.id, h.household_no, h.village_code, h.status, h.risk_type, h.category, h.primary_cause,
                   array_to_string(h.causes, ',') as causes, h.identified_year, h.annual_income_per_capita, h.registered_on,
                   head.name as head_name, head.id_number as head_id_number,
                   (select count(*) from household_member c where c.household_id = h.id and c.removed_reason is null) as members
            from household h
            left join household_member head on head.household_id = h.id and head.relation = 'HEAD' and head.removed_reason is null
            """;

    /** From this many matching members on, a name is common: walk the households, test a hashed set of matches. */
    private static final int COMMON_MATCHES = 2000;
    /** From this many on, very common (a surname): walk the households, look at each one's members. */
    private static final int VERY_COMMON_MATCHES = 20000;

    private final EntityManager entityManager;

    public HouseholdSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Page<Row> page(Criteria criteria, PageRequest page) {
        Query query = query(criteria, criteria.region(), page.after(), page.fetchSize());
        return page.page(Rows.list(query, HouseholdSearch::row), Row::householdNo);
    }

    /** Every matching household, streamed from a database cursor (for CSV exports of any size). */
    public void each(Criteria criteria, Consumer<Row> sink) {
        Query query = query(criteria, criteria.region(), null, 0).setHint("org.hibernate.fetchSize", 1000);
        try (Stream<Row> rows = Rows.stream(query, HouseholdSearch::row)) {
            rows.forEach(sink);
        }
    }

    private Query query(Criteria criteria, String region, String after, int limit) {
        // Plan each search for its own values: a plan cached for "some pattern, some region" fits a
        // rare name and a surname equally badly (measured 45 ms instead of 3 among 500,000 households).
        entityManager.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        StringBuilder sql = new StringBuilder(SELECT).append(" where ");
        Map<String, Object> parameters = new LinkedHashMap<>();
        // One index per level, each in household-number order, so that a village's or a township's
        // first page is read in order wherever its households sit among all the others.
        if (region.length() == RegionLevel.VILLAGE.codeLength()) {
            sql.append("h.village_code = :region");
            parameters.put("region", region);
        } else if (region.length() == RegionLevel.TOWNSHIP.codeLength()) {
            sql.append("left(h.village_code, 9) = :region");
            parameters.put("region", region);
        } else {
            sql.append("h.village_code like :region");
            parameters.put("region", region + "%");
        }
        if (criteria.status() != null) {
            sql.append(" and h.status = :status");
            parameters.put("status", criteria.status().name());
        }
        if (criteria.category() != null) {
            sql.append(" and h.category = :category");
            parameters.put("category", criteria.category().name());
        }
        if (criteria.cause() != null) {
            sql.append(" and h.causes @> array[cast(:cause as text)]");
            parameters.put("cause", criteria.cause().name());
        }
        if (criteria.q() != null && !criteria.q().isBlank()) {
            String q = criteria.q().strip();
            String name = NameSearch.normalize(q);
            boolean substring = name.codePointCount(0, name.length()) >= NameSearch.SUBSTRING_MIN_LENGTH;
            String pattern = (substring ? "%" : "") + escapeLike(name) + "%";
            parameters.put("q", q);
            parameters.put("idNumber", q.toUpperCase(Locale.ROOT));
            parameters.put("name", pattern);
            int matches = matchingMembers(pattern);
            if (matches >= VERY_COMMON_MATCHES) {
                // A surname like 王: walk households in page order and look at each one's members;
                // one in a few matches, so a page fills after a few hundred lookups.
                sql.append(" and ").append("""
                        (h.household_no = :q or coalesce((
                            select true from household_member m
                            where m.household_id = h.id and m.removed_reason is null
                              and (m.id_number = :idNumber or m.name_search like :name) limit 1), false))""");
            } else if (matches >= COMMON_MATCHES) {
                // Thousands of matches: collect them once into a hashed set, walk households in page order.
                sql.append(" and ").append("""
                        (h.household_no = :q or h.id in (
                            select m.household_id from household_member m
                            where m.removed_reason is null and (m.id_number = :idNumber or m.name_search like :name)))""");
            } else {
                // Few matches: start from them (a union of index lookups) rather than from every household.
                sql.append(" and h.id in (").append("""
                        select m.household_id from household_member m
                        where m.removed_reason is null and m.id_number = :idNumber
                        union
                        select m.household_id from household_member m
                        where m.removed_reason is null and m.name_search like :name
                        union
                        select n.id from household n where n.household_no = :q)""");
            }
        }
        if (after != null) {
            sql.append(" and h.household_no > :after");
            parameters.put("after", after);
        }
        sql.append(" order by h.household_no");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        return query;
    }

    /**
     * How many members a name pattern matches, counted up to {@link #VERY_COMMON_MATCHES} only: how
     * common the name is decides which plan finds the first page soonest.
     */
    private int matchingMembers(String pattern) {
        Number matches = (Number) entityManager.createNativeQuery("""
                select count(*) from (select 1 from household_member m
                                      where m.removed_reason is null and m.name_search like :name limit :cap) sample""")
                .setParameter("name", pattern)
                .setParameter("cap", VERY_COMMON_MATCHES)
                .getSingleResult();
        return matches.intValue();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row row(org.fupin.platform.sql.Row c) {
        String causes = c.text("causes");
        String headIdNumber = c.text("head_id_number");
        return new Row(c.uuid("id"), c.text("household_no"), c.text("village_code"), c.text("status"), c.text("risk_type"),
                c.text("category"), c.text("primary_cause"), causes == null || causes.isEmpty() ? List.of() : List.of(causes.split(",")),
                (int) c.count("identified_year"), c.decimal("annual_income_per_capita"), c.date("registered_on"), c.text("head_name"),
                headIdNumber == null ? null : headIdNumber.trim(), (int) c.count("members"));
    }
}
