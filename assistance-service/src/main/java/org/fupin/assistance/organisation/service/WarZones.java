package org.fupin.assistance.organisation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.assistance.organisation.domain.OrganisationRules;
import org.fupin.assistance.organisation.persistence.WarZoneEntity;
import org.fupin.assistance.replica.service.Regions;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

import io.quarkus.panache.common.Sort;

/**
 * Defines war zones (戰區): townships under one leader; a definition records {@code war-zone.defined}.
 * A caller with a region sees the zones that share a township with it.
 */
@ApplicationScoped
public class WarZones {

    /**
     * In scope when one of the zone's townships lies in the caller's region, or the caller's region
     * (a village) lies in one of them.
     */
    private static final String IN_SCOPE = """
            id in (select z.id from WarZoneEntity z join z.townshipCodes t
                   where t like :scopeBelow or :scope like concat(t, '%'))""";

    private final References references;
    private final Regions regions;
    private final Outbox outbox;

    public WarZones(References references, Regions regions, Outbox outbox) {
        this.references = references;
        this.regions = regions;
        this.outbox = outbox;
    }

    @Transactional
    public WarZoneEntity define(String name, UUID leaderId, List<String> townshipCodes, RegionScope scope, String actor) {
        List<Violation> errors = new ArrayList<>(OrganisationRules.checkName("name", name));
        errors.addAll(OrganisationRules.checkWarZone(townshipCodes));
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        for (int i = 0; i < townshipCodes.size(); i++) {
            regions.requireTownship(townshipCodes.get(i), scope, "townshipCodes[" + i + "]");
        }
        references.helper(leaderId, "leaderId", scope);
        WarZoneEntity zone = new WarZoneEntity();
        zone.id = UUID.randomUUID();
        zone.name = name.strip();
        zone.leaderId = leaderId;
        zone.townshipCodes = new ArrayList<>(townshipCodes);
        zone.createdAt = Instant.now();
        zone.createdBy = actor;
        zone.persistAndFlush();
        outbox.record(zone.id.toString(), OrganisationEvents.defined(zone));
        return zone;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WarZoneEntity get(UUID id, RegionScope scope) {
        WarZoneEntity zone = WarZoneEntity.findById(id);
        if (zone == null || !visible(zone, scope)) {
            throw Refusal.notFound("War zone " + id);
        }
        return zone;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WarZoneEntity> page(RegionScope scope, PageRequest page) {
        Where where = where(scope, Cursors.seqAfter(page));
        List<WarZoneEntity> rows = WarZoneEntity.<WarZoneEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, zone -> String.valueOf(zone.seq));
    }

    /** Every war zone the caller may see, for a CSV export; runs inside the caller's transaction. */
    public void each(RegionScope scope, Consumer<WarZoneEntity> sink) {
        Where where = where(scope, 0);
        WarZoneEntity.<WarZoneEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }

    static boolean visible(WarZoneEntity zone, RegionScope scope) {
        if (scope.empty()) {
            return false;
        }
        return scope.unrestricted() || zone.townshipCodes.stream()
                .anyMatch(township -> township.startsWith(scope.prefix()) || scope.prefix().startsWith(township));
    }

    private static Where where(RegionScope scope, long after) {
        Where where = Where.after(after);
        if (scope.empty()) {
            where.andIf(true, "1 = 0");
        } else if (!scope.unrestricted()) {
            where.and(IN_SCOPE, "scopeBelow", scope.prefix() + "%").with("scope", scope.prefix());
        }
        return where;
    }
}
