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
import org.fupin.assistance.organisation.persistence.GroupEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;
import org.fupin.assistance.replica.service.Regions;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/** Creates and reads assistance groups (幫扶集團); a creation records {@code group.created}. */
@ApplicationScoped
public class Groups {

    private final Regions regions;
    private final Outbox outbox;

    public Groups(Regions regions, Outbox outbox) {
        this.regions = regions;
        this.outbox = outbox;
    }

    /** Creates a group of {@code regionCode}, by default the caller's own region. */
    @Transactional
    public GroupEntity create(String name, String regionCode, RegionScope scope, String actor) {
        List<Violation> errors = OrganisationRules.checkName("name", name);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        // The caller's own region is the one their verified token names: no need to wait for the replica to know it.
        String region = regionCode == null ? scope.prefix() : regions.requireRegion(regionCode, scope, "regionCode");
        GroupEntity group = new GroupEntity();
        group.id = UUID.randomUUID();
        group.name = name.strip();
        group.regionCode = region;
        group.createdAt = Instant.now();
        group.createdBy = actor;
        group.persist();
        outbox.record(group.id.toString(), OrganisationEvents.created(group));
        return group;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupEntity get(UUID id, RegionScope scope) {
        return scope.requireWithinOrAbove(GroupEntity.<GroupEntity>findById(id), group -> group.regionCode, "Assistance group " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupEntity> page(RegionScope scope, PageRequest page) {
        Where where = OrganisationScope.readable(Where.after(Cursors.seqAfter(page)), scope);
        List<GroupEntity> rows = GroupEntity.<GroupEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, group -> String.valueOf(group.seq));
    }

    /** Every group the caller may read, for a CSV export; runs inside the caller's transaction. */
    public void each(RegionScope scope, Consumer<GroupEntity> sink) {
        Where where = OrganisationScope.readable(Where.after(0), scope);
        GroupEntity.<GroupEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }
}
