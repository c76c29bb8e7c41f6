package org.fupin.assistance.visit.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.assistance.visit.persistence.VisitEntity;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/** Reads visits of households in the caller's region, in the order they were recorded. */
@ApplicationScoped
public class VisitSearch {

    /** The filters of the visit list; null fields do not filter. {@code from} and {@code to} are days of the county, both included. */
    public record Criteria(String region, UUID helperId, UUID householdId, LocalDate from, LocalDate to, Boolean riskObserved) {
    }

    private final AssistanceConfig config;

    public VisitSearch(AssistanceConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitEntity get(UUID id, RegionScope scope) {
        return scope.require(VisitEntity.<VisitEntity>findById(id), visit -> visit.villageCode, "Visit " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VisitEntity> page(Criteria criteria, RegionScope scope, PageRequest page) {
        String region = RegionFilter.within(scope, criteria.region());
        Where where = where(criteria, region, Cursors.seqAfter(page));
        List<VisitEntity> rows = VisitEntity.<VisitEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, visit -> String.valueOf(visit.seq));
    }

    /** Every matching visit, for a CSV export; runs inside the caller's transaction. */
    public void each(Criteria criteria, RegionScope scope, Consumer<VisitEntity> sink) {
        String region = RegionFilter.within(scope, criteria.region());
        Where where = where(criteria, region, 0);
        VisitEntity.<VisitEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }

    private Where where(Criteria criteria, String region, long after) {
        return Where.after(after)
                .and("villageCode like :region", "region", region + "%")
                .and("helperId = :helper", "helper", criteria.helperId())
                .and("householdId = :household", "household", criteria.householdId())
                .and("visitedAt >= :from", "from", startOf(criteria.from()))
                .and("visitedAt < :to", "to", criteria.to() == null ? null : startOf(criteria.to().plusDays(1)))
                .and("riskObserved = :risk", "risk", criteria.riskObserved());
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(config.zone()).toInstant();
    }
}
