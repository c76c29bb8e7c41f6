package org.fupin.assistance.pairing.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.persistence.PairingEntity;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/** Reads pairings within the caller's region, active and ended alike: ended pairings are the history of who helped whom. */
@ApplicationScoped
public class PairingSearch {

    /** The filters of the pairing list; null fields do not filter. */
    public record Criteria(String region, UUID helperId, UUID householdId, UUID unitId, UUID groupId, Boolean active,
            PairingKind kind) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PairingEntity get(UUID id, RegionScope scope) {
        return scope.require(PairingEntity.<PairingEntity>findById(id), pairing -> pairing.villageCode, "Pairing " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PairingEntity> page(Criteria criteria, RegionScope scope, PageRequest page) {
        String region = RegionFilter.within(scope, criteria.region());
        Where where = where(criteria, region, Cursors.seqAfter(page));
        List<PairingEntity> rows = PairingEntity.<PairingEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, pairing -> String.valueOf(pairing.seq));
    }

    /** Every matching pairing, for a CSV export; runs inside the caller's transaction. */
    public void each(Criteria criteria, RegionScope scope, Consumer<PairingEntity> sink) {
        String region = RegionFilter.within(scope, criteria.region());
        Where where = where(criteria, region, 0);
        PairingEntity.<PairingEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }

    private static Where where(Criteria criteria, String region, long after) {
        return Where.after(after)
                .and("villageCode like :region", "region", region + "%")
                .and("helperId = :helper", "helper", criteria.helperId())
                .and("householdId = :household", "household", criteria.householdId())
                .and("unitId = :unit", "unit", criteria.unitId())
                .and("groupId = :group", "group", criteria.groupId())
                .and("kind = :kind", "kind", criteria.kind())
                .andIf(Boolean.TRUE.equals(criteria.active()), "endDate is null")
                .andIf(Boolean.FALSE.equals(criteria.active()), "endDate is not null");
    }
}
