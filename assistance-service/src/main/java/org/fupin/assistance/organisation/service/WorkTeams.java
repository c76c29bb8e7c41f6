package org.fupin.assistance.organisation.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.assistance.organisation.domain.OrganisationRules;
import org.fupin.assistance.organisation.persistence.WorkTeamEntity;
import org.fupin.assistance.replica.service.Regions;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

import io.quarkus.panache.common.Sort;

/** Assigns resident work teams (駐村工作隊) to villages; an assignment records {@code work-team.assigned}. */
@ApplicationScoped
public class WorkTeams {

    /** A work team as requested. */
    public record NewWorkTeam(String villageCode, UUID leaderId, List<UUID> memberIds, LocalDate startDate) {
    }

    private final References references;
    private final Regions regions;
    private final Outbox outbox;
    private final AssistanceConfig config;

    public WorkTeams(References references, Regions regions, Outbox outbox, AssistanceConfig config) {
        this.references = references;
        this.regions = regions;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public WorkTeamEntity assign(NewWorkTeam team, RegionScope scope, String actor) {
        LocalDate today = LocalDate.now(config.zone());
        LocalDate startDate = team.startDate() == null ? today : team.startDate();
        List<UUID> members = team.memberIds() == null ? List.of() : team.memberIds();
        List<Violation> errors = OrganisationRules.checkWorkTeam(team.leaderId(), members, startDate, today);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        regions.requireVillage(team.villageCode(), scope, "villageCode");
        references.helper(team.leaderId(), "leaderId", scope);
        if (!members.isEmpty()) {
            references.helpers(members, "memberIds", scope);
        }
        WorkTeamEntity entity = new WorkTeamEntity();
        entity.id = UUID.randomUUID();
        entity.villageCode = team.villageCode();
        entity.leaderId = team.leaderId();
        entity.memberIds = new ArrayList<>(members);
        entity.startDate = startDate;
        entity.createdAt = Instant.now();
        entity.createdBy = actor;
        entity.persistAndFlush();
        outbox.record(entity.id.toString(), OrganisationEvents.assigned(entity));
        return entity;
    }

    /** A work team of a village in the caller's region; any other does not exist for the caller. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkTeamEntity get(UUID id, RegionScope scope) {
        return scope.require(WorkTeamEntity.<WorkTeamEntity>findById(id), team -> team.villageCode, "Work team " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WorkTeamEntity> page(String region, RegionScope scope, PageRequest page) {
        String narrowed = RegionFilter.within(scope, region);
        Where where = where(narrowed, Cursors.seqAfter(page));
        List<WorkTeamEntity> rows = WorkTeamEntity.<WorkTeamEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, team -> String.valueOf(team.seq));
    }

    /** Every work team in the region, for a CSV export; runs inside the caller's transaction. */
    public void each(String region, RegionScope scope, Consumer<WorkTeamEntity> sink) {
        Where where = where(RegionFilter.within(scope, region), 0);
        WorkTeamEntity.<WorkTeamEntity>stream(where.clause(), Sort.by("seq"), where.parameters()).forEach(sink);
    }

    private static Where where(String region, long after) {
        return Where.after(after).and("villageCode like :region", "region", region + "%");
    }
}
