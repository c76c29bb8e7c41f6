package org.fupin.household.villages.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fupin.events.household.VillageExitDecided;
import org.fupin.events.household.VillageExitProposed;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.config.VillagesConfig;
import org.fupin.household.region.domain.RegionLevel;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.household.villages.domain.VillageExitRules;
import org.fupin.household.villages.domain.VillageExitStatus;
import org.fupin.household.villages.persistence.VillageExitEntity;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Refusal;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;

import io.quarkus.panache.common.Sort;

/**
 * Poor-village exits (貧困村出列): the township's proposal, counted against the village's households when it
 * is recorded, and the county's decision; each with its event in the same transaction.
 */
@ApplicationScoped
public class VillageExits {

    /** Who acts: the token's subject (compared for four eyes) and the name the record shows. */
    public record Actor(String id, String display) {
    }

    /** The list's filters; null fields do not filter. */
    public record Filter(String region, VillageExitStatus status) {
    }

    private static final String POOR_PEOPLE = """
            select count(*) from household_member m join household h on h.id = m.household_id
            where h.village_code = :village and h.status in ('POOR', 'RETURNED', 'EXIT_PENDING') and m.removed_reason is null""";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final VillagesConfig config;
    private final RegistryConfig registry;

    public VillageExits(EntityManager entityManager, Outbox outbox, VillagesConfig config, RegistryConfig registry) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    @Transactional
    public VillageExitEntity propose(String villageCode, LocalDate proposedOn, String reason, RegionScope scope, Actor actor) {
        RegionEntity village = RegionEntity.findById(villageCode);
        if (village == null || village.level != RegionLevel.VILLAGE || !scope.covers(villageCode)) {
            // Out of the caller's region looks the same as unknown: scope must not leak.
            throw Refusal.unknown("unknown-village", "No village " + villageCode + " in the caller's region.", "villageCode",
                    "Unknown village.");
        }
        // Holds the village's row while counting, so that two proposals of one village cannot both pass.
        entityManager.lock(village, LockModeType.PESSIMISTIC_WRITE);
        long poorPeople = ((Number) entityManager.createNativeQuery(POOR_PEOPLE).setParameter("village", villageCode)
                .getSingleResult()).longValue();
        Set<VillageExitStatus> before = VillageExitEntity.statusesOf(villageCode);
        VillageExitRules.Incidence incidence = VillageExitRules.requireProposable(village.poorVillage,
                before.contains(VillageExitStatus.PROPOSED), before.contains(VillageExitStatus.APPROVED), poorPeople,
                village.ruralPopulation,
                config.exitIncidence(), proposedOn, today());
        VillageExitEntity exit = new VillageExitEntity();
        exit.id = UUID.randomUUID();
        exit.villageCode = villageCode;
        exit.status = VillageExitStatus.PROPOSED;
        exit.proposedOn = proposedOn;
        exit.proposer = actor.id();
        exit.proposedBy = actor.display();
        exit.reason = reason;
        exit.poorPeople = incidence.poorPeople();
        exit.ruralPopulation = incidence.ruralPopulation();
        exit.incidence = incidence.incidence();
        exit.threshold = incidence.threshold();
        exit.createdAt = Instant.now();
        exit.updatedAt = exit.createdAt;
        exit.persist();
        outbox.record(exit.id.toString(), new VillageExitProposed(exit.id, villageCode, proposedOn, exit.poorPeople,
                exit.ruralPopulation, exit.incidence, exit.threshold));
        return exit;
    }

    /** 縣審定公告: approval makes the village exited (出列) from the announcement's date on. */
    @Transactional
    public VillageExitEntity decide(UUID id, boolean approves, LocalDate decidedOn, String reason, ExpectedVersion expected,
            RegionScope scope, Actor actor) {
        VillageExitEntity exit = get(id, scope);
        expected.check(exit.version);
        exit.status = VillageExitRules.decide(exit.status, exit.proposer, actor.id(), approves, reason, exit.proposedOn, decidedOn,
                today());
        exit.decidedOn = decidedOn;
        exit.decider = actor.id();
        exit.decidedBy = actor.display();
        exit.decisionReason = reason;
        exit.updatedAt = Instant.now();
        exit.persistAndFlush();
        outbox.record(exit.id.toString(), new VillageExitDecided(exit.id, exit.villageCode, exit.status.name(), decidedOn));
        return exit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VillageExitEntity get(UUID id, RegionScope scope) {
        VillageExitEntity exit = VillageExitEntity.findById(id);
        return scope.require(exit, e -> e.villageCode, "Village exit " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VillageExitEntity> page(Filter filter, RegionScope scope, PageRequest page) {
        String region = RegionFilter.within(scope, filter.region());
        Where where = Where.after(Cursors.seqAfter(page)).and("villageCode like :region", "region", region + "%")
                .and("status = :status", "status", filter.status());
        List<VillageExitEntity> rows = VillageExitEntity.<VillageExitEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, e -> String.valueOf(e.seq));
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
