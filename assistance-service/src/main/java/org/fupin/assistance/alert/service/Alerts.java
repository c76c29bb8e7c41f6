package org.fupin.assistance.alert.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.assistance.alert.domain.Alert;
import org.fupin.assistance.alert.domain.AlertType;
import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Refusal;

/**
 * Computes alerts in the database, one SQL query per type over the household replica, pairings,
 * visits and work teams, in region order with keyset pages: a county of 100,000 households is
 * never looped over in Java.
 */
@ApplicationScoped
public class Alerts {

    /** Statuses in which a household still needs its helper: everything but REMOVED and NOT_POOR (脫貧不脫鉤). */
    private static final String NEEDS_HELPER = "h.status not in ('REMOVED', 'NOT_POOR')";

    /** Households in poverty or under monitoring: a village with one of them needs a work team. */
    private static final String IN_POVERTY = "('POOR', 'RETURNED', 'EXIT_PENDING', 'MONITORED')";

    private static final String UNPAIRED = """
            select h.village_code, h.household_id, h.status
            from household_replica h
            where h.village_code like :region and %s
              and not exists (select 1 from pairing p
                              where p.household_id = h.household_id and p.kind = 'HELPER_HOUSEHOLD' and p.end_date is null)
              and (h.village_code, h.household_id) > (:afterVillage, cast(:afterId as uuid))
            order by h.village_code, h.household_id
            limit :limit""".formatted(NEEDS_HELPER);

    /** The latest visit since the pairing started counts; a visit to the household under an earlier helper does not. */
    private static final String OVERDUE = """
            select h.village_code, h.household_id, h.status, p.helper_id, p.id, p.start_date, last.visited_at
            from pairing p
            join household_replica h on h.household_id = p.household_id
            left join lateral (select max(v.visited_at) as visited_at from visit v
                               where v.household_id = p.household_id and v.helper_id = p.helper_id) last on true
            where p.kind = 'HELPER_HOUSEHOLD' and p.end_date is null
              and h.village_code like :region and %s
              and p.start_date < :dueDay
              and (last.visited_at is null or last.visited_at < :dueAt)
              and (h.village_code, h.household_id) > (:afterVillage, cast(:afterId as uuid))
            order by h.village_code, h.household_id
            limit :limit""".formatted(NEEDS_HELPER);

    private static final String WITHOUT_WORK_TEAM = """
            select r.code, r.poor_village
            from region_replica r
            where r.level = 'VILLAGE' and r.code like :region
              and (r.poor_village or exists (select 1 from household_replica h
                                             where h.village_code = r.code and h.status in %s))
              and not exists (select 1 from work_team w where w.village_code = r.code and w.start_date <= :today)
              and r.code > :afterVillage
            order by r.code
            limit :limit""".formatted(IN_POVERTY);

    private static final String RISK = """
            select h.village_code, h.household_id, h.status, latest.helper_id, latest.id, latest.visited_at
            from household_replica h
            join lateral (select v.id, v.helper_id, v.visited_at, v.risk_observed from visit v
                          where v.household_id = h.household_id
                          order by v.visited_at desc, v.id desc limit 1) latest on true
            where latest.risk_observed and h.status <> 'REMOVED' and h.village_code like :region
              and (h.village_code, h.household_id) > (:afterVillage, cast(:afterId as uuid))
            order by h.village_code, h.household_id
            limit :limit""";

    private static final UUID NO_ID = new UUID(0, 0);

    private final EntityManager entityManager;
    private final AssistanceConfig config;

    public Alerts(EntityManager entityManager, AssistanceConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Alert> page(AlertType type, String requestedRegion, RegionScope scope, PageRequest page) {
        String region = RegionFilter.within(scope, requestedRegion);
        Cursor after = Cursor.parse(page.after());
        Query query = switch (type) {
            case UNPAIRED_HOUSEHOLD -> entityManager.createNativeQuery(UNPAIRED);
            case OVERDUE_VISIT -> {
                Instant dueAt = Instant.now().minus(config.visitOverdueAfter());
                yield entityManager.createNativeQuery(OVERDUE)
                        .setParameter("dueAt", dueAt)
                        .setParameter("dueDay", LocalDate.ofInstant(dueAt, config.zone()));
            }
            case VILLAGE_WITHOUT_WORK_TEAM -> entityManager.createNativeQuery(WITHOUT_WORK_TEAM)
                    .setParameter("today", LocalDate.now(config.zone()));
            case RISK_OBSERVED -> entityManager.createNativeQuery(RISK);
        };
        query.setParameter("region", region + "%")
                .setParameter("afterVillage", after.villageCode())
                .setParameter("limit", page.fetchSize());
        if (type != AlertType.VILLAGE_WITHOUT_WORK_TEAM) {
            query.setParameter("afterId", after.householdId().toString());
        }
        Function<Row, Alert> mapper = switch (type) {
            case UNPAIRED_HOUSEHOLD -> c -> new Alert(type, c.text("village_code"), c.uuid("household_id"), c.text("status"),
                    null, null, null, null, null, null);
            case OVERDUE_VISIT -> c -> new Alert(type, c.text("village_code"), c.uuid("household_id"), c.text("status"),
                    c.uuid("helper_id"), c.uuid("id"), c.date("start_date"), c.instantOrNull("visited_at"), null, null);
            case VILLAGE_WITHOUT_WORK_TEAM -> c -> new Alert(type, c.text("code"), null, null, null, null, null, null, null,
                    c.flag("poor_village"));
            case RISK_OBSERVED -> c -> new Alert(type, c.text("village_code"), c.uuid("household_id"), c.text("status"),
                    c.uuid("helper_id"), null, null, c.instantOrNull("visited_at"), c.uuid("id"), null);
        };
        return page.page(Rows.list(query, mapper), Cursor::of);
    }

    /** Every alert of the type in the region, page by page, for a CSV export; runs inside the caller's transaction. */
    public void each(AlertType type, String requestedRegion, RegionScope scope, Consumer<Alert> sink) {
        String cursor = null;
        do {
            Page<Alert> page = page(type, requestedRegion, scope, PageRequest.of(PageRequest.MAX_LIMIT, cursor));
            page.items().forEach(sink);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** The sort key of the last alert seen: village, then household. */
    record Cursor(String villageCode, UUID householdId) {

        static Cursor parse(String key) {
            if (key == null) {
                return new Cursor("", NO_ID);
            }
            String[] parts = key.split("\\|", -1);
            try {
                return new Cursor(parts[0], parts.length > 1 && !parts[1].isEmpty() ? UUID.fromString(parts[1]) : NO_ID);
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-cursor", "The cursor is not one this list issued; start again without it.");
            }
        }

        static String of(Alert alert) {
            return alert.villageCode() + "|" + (alert.householdId() == null ? "" : alert.householdId());
        }
    }
}
