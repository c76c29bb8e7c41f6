package org.fupin.assistance.ledger.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.assistance.ledger.domain.MeasureStatus;
import org.fupin.assistance.ledger.domain.MeasureType;
import org.fupin.assistance.ledger.domain.ProviderKind;
import org.fupin.assistance.ledger.persistence.MeasureEntity;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Rows;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/** Reads the ledger within the caller's region: single measures, filtered lists and exact totals. */
@ApplicationScoped
public class MeasureSearch {

    /** The filters of the measure list and of the totals; null fields do not filter. */
    public record Criteria(String region, UUID householdId, MeasureType type, MeasureStatus status,
            ProviderKind providerKind, UUID providerId, Boolean confirmed) {
    }

    /** The measures of one type: how many, and their sum in CNY, exactly. */
    public record TypeTotal(MeasureType type, long count, BigDecimal amount) {
    }

    /** Sums per type and over all, of the measures in a region. */
    public record Totals(String region, List<TypeTotal> totals, long count, BigDecimal amount) {
    }

    private final EntityManager entityManager;

    public MeasureSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeasureEntity get(UUID id, RegionScope scope) {
        return scope.require(MeasureEntity.<MeasureEntity>findById(id), measure -> measure.villageCode, "Measure " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeasureEntity> page(Criteria criteria, RegionScope scope, PageRequest page) {
        String region = RegionFilter.within(scope, criteria.region());
        Where where = where(criteria, region, Cursors.seqAfter(page));
        List<MeasureEntity> rows = MeasureEntity.<MeasureEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, measure -> String.valueOf(measure.seq));
    }

    /** Every matching measure, for a CSV export; runs inside the caller's transaction. */
    public void each(Criteria criteria, RegionScope scope, Consumer<MeasureEntity> sink) {
        String region = RegionFilter.within(scope, criteria.region());
        Where where = where(criteria, region, 0);
        MeasureEntity.<MeasureEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }

    /** Counts and sums by type, computed by the database in NUMERIC: no rounding anywhere. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Totals totals(Criteria criteria, RegionScope scope) {
        String region = RegionFilter.within(scope, criteria.region());
        StringBuilder sql = new StringBuilder("""
                select type, count(*) as measures, coalesce(sum(amount), 0) as amount from measure where village_code like :region""");
        if (criteria.householdId() != null) {
            sql.append(" and household_id = :household");
        }
        if (criteria.status() != null) {
            sql.append(" and status = :status");
        }
        if (criteria.providerKind() != null) {
            sql.append(" and provider_kind = :providerKind");
        }
        if (criteria.providerId() != null) {
            sql.append(" and provider_id = :providerId");
        }
        if (criteria.confirmed() != null) {
            sql.append(criteria.confirmed() ? " and confirmed_on is not null" : " and confirmed_on is null");
        }
        sql.append(" group by type order by type");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("region", region + "%");
        if (criteria.householdId() != null) {
            query.setParameter("household", criteria.householdId());
        }
        if (criteria.status() != null) {
            query.setParameter("status", criteria.status().name());
        }
        if (criteria.providerKind() != null) {
            query.setParameter("providerKind", criteria.providerKind().name());
        }
        if (criteria.providerId() != null) {
            query.setParameter("providerId", criteria.providerId());
        }
        List<TypeTotal> totals = Rows.list(query, row -> new TypeTotal(MeasureType.valueOf(row.text("type")), row.count("measures"),
                        row.decimal("amount").setScale(2))).stream()
                .filter(total -> criteria.type() == null || total.type() == criteria.type())
                .toList();
        return new Totals(region.isEmpty() ? null : region, totals, totals.stream().mapToLong(TypeTotal::count).sum(),
                totals.stream().map(TypeTotal::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }

    private static Where where(Criteria criteria, String region, long after) {
        return Where.after(after)
                .and("villageCode like :region", "region", region + "%")
                .and("householdId = :household", "household", criteria.householdId())
                .and("type = :type", "type", criteria.type())
                .and("status = :status", "status", criteria.status())
                .and("providerKind = :providerKind", "providerKind", criteria.providerKind())
                .and("providerId = :providerId", "providerId", criteria.providerId())
                .andIf(Boolean.TRUE.equals(criteria.confirmed()), "confirmedOn is not null")
                .andIf(Boolean.FALSE.equals(criteria.confirmed()), "confirmedOn is null");
    }
}
