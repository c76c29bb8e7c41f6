package org.fupin.assistance.organisation.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.assistance.organisation.domain.OrganisationRules;
import org.fupin.assistance.organisation.domain.UnitType;
import org.fupin.assistance.organisation.persistence.UnitEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;
import org.fupin.assistance.replica.service.Regions;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/** Registers and reads units (幫扶單位); a registration records {@code unit.registered}. */
@ApplicationScoped
public class Units {

    /** The filters of the unit list; null fields do not filter. */
    public record Criteria(UUID groupId, UnitType type) {
    }

    private final References references;
    private final Regions regions;
    private final Outbox outbox;

    public Units(References references, Regions regions, Outbox outbox) {
        this.references = references;
        this.regions = regions;
        this.outbox = outbox;
    }

    /** Registers a unit of {@code regionCode}, by default the caller's own region. */
    @Transactional
    public UnitEntity register(String name, UnitType type, UUID groupId, String regionCode, RegionScope scope, String actor) {
        List<Violation> errors = OrganisationRules.checkName("name", name);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        // The caller's own region is the one their verified token names: no need to wait for the replica to know it.
        String region = regionCode == null ? scope.prefix() : regions.requireRegion(regionCode, scope, "regionCode");
        if (groupId != null) {
            references.group(groupId, "groupId", scope);
        }
        UnitEntity unit = new UnitEntity();
        unit.id = UUID.randomUUID();
        unit.name = name.strip();
        unit.type = type;
        unit.groupId = groupId;
        unit.regionCode = region;
        unit.createdAt = Instant.now();
        unit.createdBy = actor;
        unit.persist();
        outbox.record(unit.id.toString(), OrganisationEvents.registered(unit));
        return unit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitEntity get(UUID id, RegionScope scope) {
        return scope.requireWithinOrAbove(UnitEntity.<UnitEntity>findById(id), unit -> unit.regionCode, "Unit " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitEntity> page(Criteria criteria, RegionScope scope, PageRequest page) {
        Where where = where(criteria, scope, Cursors.seqAfter(page));
        List<UnitEntity> rows = UnitEntity.<UnitEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, unit -> String.valueOf(unit.seq));
    }

    /** Every matching unit, for a CSV export; runs inside the caller's transaction. */
    public void each(Criteria criteria, RegionScope scope, Consumer<UnitEntity> sink) {
        Where where = where(criteria, scope, 0);
        UnitEntity.<UnitEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }

    private static Where where(Criteria criteria, RegionScope scope, long after) {
        return OrganisationScope.readable(Where.after(after), scope)
                .and("groupId = :groupId", "groupId", criteria.groupId())
                .and("type = :type", "type", criteria.type());
    }
}
