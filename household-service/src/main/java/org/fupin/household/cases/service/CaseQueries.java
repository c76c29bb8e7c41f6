package org.fupin.household.cases.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.persistence.CaseStepEntity;
import org.fupin.household.cases.persistence.ObjectionEntity;
import org.fupin.household.config.RegistryConfig;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;

import io.quarkus.panache.common.Sort;

/** Reads cases: one, a filtered list, the work queue of a caller, and a case's timeline. */
@ApplicationScoped
public class CaseQueries {

    /** The list's filters; null fields do not filter. {@code waitingFor} is the stage a case waits at today. */
    public record Filter(String region, UUID householdId, CaseKind kind, CaseStatus status, Stage waitingFor, Boolean overdue) {
    }

    /** The cases of one stage that wait on the caller, oldest first, and how many there are. */
    public record QueueStage(Stage stage, long count, long overdue, List<CaseEntity> oldest) {
    }

    /** A step, an objection or a finding, in the order they happened. */
    public record TimelineEntry(LocalDate on, CaseStepEntity step, ObjectionEntity objection, boolean finding) {
    }

    /** The stages each role does; the township also rules on objections. */
    private static final List<RoleStages> QUEUE = List.of(
            new RoleStages(Roles.VILLAGE_CADRE, List.of(Stage.VERIFICATION, Stage.ACKNOWLEDGEMENT, Stage.APPRAISAL)),
            new RoleStages(Roles.ASSISTANCE_OFFICER, List.of(Stage.VERIFICATION)),
            new RoleStages(Roles.TOWNSHIP_OFFICER, List.of(Stage.TOWNSHIP_REVIEW)),
            new RoleStages(Roles.COUNTY_ADMIN, List.of(Stage.COUNTY_APPROVAL)));

    private record RoleStages(String role, List<Stage> stages) {
    }

    /** How many cases of a stage the queue shows; the list filtered by waitingFor pages through all of them. */
    private static final int QUEUE_SIZE = 50;

    private final CaseLoader cases;
    private final RegistryConfig registry;

    public CaseQueries(CaseLoader cases, RegistryConfig registry) {
        this.cases = cases;
        this.registry = registry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseEntity get(UUID id, RegionScope scope) {
        return cases.inScope(id, scope);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CaseEntity> page(Filter filter, RegionScope scope, PageRequest page) {
        Where where = where(filter, RegionFilter.within(scope, filter.region()), today(), Cursors.seqAfter(page));
        List<CaseEntity> rows = CaseEntity.<CaseEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, c -> String.valueOf(c.seq));
    }

    /**
     * The work queue (待辦): per stage the caller's roles do, the cases of their region waiting there,
     * oldest first, leaving out those the caller proposed where four eyes keep them out. Township
     * officers also see the cases stopped by an objection, under the notice's stage.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueStage> queue(Set<String> roles, String subject, RegionScope scope) {
        String region = RegionFilter.within(scope, null);
        LocalDate today = today();
        List<QueueStage> queue = new ArrayList<>();
        for (RoleStages role : QUEUE) {
            if (!roles.contains(role.role())) {
                continue;
            }
            for (Stage stage : role.stages()) {
                if (queue.stream().noneMatch(q -> q.stage() == stage)) {
                    queue.add(queueOf(waiting(stage, region, today, subject), today));
                }
            }
            if (role.role().equals(Roles.TOWNSHIP_OFFICER)) {
                for (Stage notice : List.of(Stage.VILLAGE_NOTICE, Stage.TOWNSHIP_NOTICE)) {
                    queue.add(queueOf(objected(notice, region, today, subject), today));
                }
            }
        }
        return queue;
    }

    /** Steps, objections and findings of a case, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimelineEntry> timeline(UUID id, RegionScope scope) {
        CaseEntity c = cases.inScope(id, scope);
        List<TimelineEntry> entries = new ArrayList<>();
        CaseStepEntity.of(c.id).forEach(step -> entries.add(new TimelineEntry(step.actedOn, step, null, false)));
        for (ObjectionEntity objection : ObjectionEntity.of(c.id)) {
            entries.add(new TimelineEntry(objection.filedOn, null, objection, false));
            if (!objection.pending()) {
                entries.add(new TimelineEntry(objection.resolvedOn, null, objection, true));
            }
        }
        // Stable: steps keep their recorded order within a day, before the objections of that day.
        entries.sort(Comparator.comparing(TimelineEntry::on));
        return entries;
    }

    private record Waiting(Stage stage, Where where) {
    }

    private static QueueStage queueOf(Waiting waiting, LocalDate today) {
        Where where = waiting.where();
        long count = CaseEntity.count(where.clause(), where.parameters());
        List<CaseEntity> oldest = CaseEntity.<CaseEntity>find(where.clause(), Sort.by("stageSince").and("seq"), where.parameters())
                .range(0, QUEUE_SIZE - 1).list();
        long overdue = CaseEntity.count(where.clause() + " and dueOn < :overdueFrom", where.with("overdueFrom", today).parameters());
        return new QueueStage(waiting.stage(), count, overdue, oldest);
    }

    private static Waiting waiting(Stage stage, String region, LocalDate today, String subject) {
        Where where = waitingAt(Where.after(0).and("villageCode like :region", "region", region + "%"), stage, today);
        if (stage == Stage.VERIFICATION || stage == Stage.TOWNSHIP_REVIEW || stage == Stage.COUNTY_APPROVAL) {
            where = where.and("proposer <> :subject", "subject", subject);
        }
        return new Waiting(stage, where);
    }

    private static Waiting objected(Stage notice, String region, LocalDate today, String subject) {
        return new Waiting(notice, Where.after(0).and("villageCode like :region", "region", region + "%")
                .and("status = :objected", "objected", CaseStatus.OBJECTED).and("stage = :notice", "notice", notice)
                .and("proposer <> :subject", "subject", subject));
    }

    private static Where where(Filter filter, String region, LocalDate today, long after) {
        Where where = Where.after(after)
                .and("villageCode like :region", "region", region + "%")
                .and("householdId = :household", "household", filter.householdId())
                .and("kind = :kind", "kind", filter.kind())
                .and("status = :status", "status", filter.status())
                .andIf(Boolean.TRUE.equals(filter.overdue()), "status in :waiting and dueOn < :today")
                .andIf(Boolean.FALSE.equals(filter.overdue()), "(dueOn is null or dueOn >= :today)");
        if (filter.overdue() != null) {
            where = where.with("today", today);
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where = where.with("waiting", List.of(CaseStatus.OPEN, CaseStatus.OBJECTED));
        }
        return filter.waitingFor() == null ? where : waitingAt(where, filter.waitingFor(), today);
    }

    /** Open cases that wait at {@code stage} today; the stage after a notice waits from the day the notice ends. */
    private static Where waitingAt(Where where, Stage stage, LocalDate today) {
        Where open = where.and("status = :open", "open", CaseStatus.OPEN);
        return switch (stage) {
            case TOWNSHIP_REVIEW, COUNTY_APPROVAL -> open
                    .and("(stage = :waitStage or (stage = :notice and noticeEndsOn <= :waitDay))", "waitStage", stage)
                    .with("notice", stage == Stage.TOWNSHIP_REVIEW ? Stage.VILLAGE_NOTICE : Stage.TOWNSHIP_NOTICE)
                    .with("waitDay", today);
            case VILLAGE_NOTICE, TOWNSHIP_NOTICE -> open.and("stage = :waitStage and noticeEndsOn > :waitDay", "waitStage", stage)
                    .with("waitDay", today);
            default -> open.and("stage = :waitStage", "waitStage", stage);
        };
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
