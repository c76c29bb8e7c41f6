package org.fupin.household.duplicates.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.household.duplicates.domain.DuplicateReason;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.security.RegionScope;

/**
 * The review queue of possible duplicates (重复人员核查台账): pairs found by a scan or confirmed at registration,
 * for a township officer to decide. A pair is listed to a caller who covers either side's village, and decided by
 * one who covers both (or the county). Every decision goes into the history of both households.
 */
@ApplicationScoped
public class DuplicateReviews {

    /** The history action of a dismissal: the two records are two people. */
    public static final String DISMISSED = "DUPLICATE_DISMISSED";

    /** One side of a pair: a member record and its household. */
    public record Side(UUID memberId, UUID householdId, String householdNo, String villageCode, String name, String idNumber,
            LocalDate birthDate, boolean current) {
    }

    /** A pair and what became of it. */
    public record Pair(UUID id, Side a, Side b, List<DuplicateReason> reasons, Instant foundAt, String foundBy, String status,
            Instant decidedAt, String decidedBy, String decisionReason, long version) {
    }

    private static final String SELECT = """
            select c.id, c.reasons, c.found_at, c.found_by, c.status, c.decided_at, c.decided_by, c.decision_reason, c.version,
                   c.member_a, c.household_a, ha.household_no as no_a, c.village_a, ma.name as name_a, ma.id_number as id_a,
                   ma.birth_date as born_a, ma.removed_reason is null as current_a,
                   c.member_b, c.household_b, hb.household_no as no_b, c.village_b, mb.name as name_b, mb.id_number as id_b,
                   mb.birth_date as born_b, mb.removed_reason is null as current_b
            from duplicate_candidate c
            join household_member ma on ma.id = c.member_a join household ha on ha.id = c.household_a
            join household_member mb on mb.id = c.member_b join household hb on hb.id = c.household_b
            """;

    private final EntityManager entityManager;
    private final HouseholdHistory history;

    public DuplicateReviews(EntityManager entityManager, HouseholdHistory history) {
        this.entityManager = entityManager;
        this.history = history;
    }

    /** A page of the pairs with a side in {@code region} (already narrowed to the caller's), oldest found first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Pair> page(String region, String status, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where (c.village_a like :region or c.village_b like :region)");
        parameters.put("region", region + "%");
        if (status != null) {
            sql.append(" and c.status = :status");
            parameters.put("status", status);
        }
        if (page.after() != null) {
            String[] cursor = page.after().split("_", 2);
            sql.append(" and (c.found_at, c.id) > (:afterAt, cast(:afterId as uuid))");
            try {
                parameters.put("afterAt", Instant.parse(cursor[0]));
                parameters.put("afterId", UUID.fromString(cursor[1]).toString());
            } catch (RuntimeException e) {
                throw Refusal.invalid("invalid-cursor", "The cursor is not one this list issued; start again without it.");
            }
        }
        sql.append(" order by c.found_at, c.id limit ").append(page.fetchSize());
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        return page.page(Rows.list(query, DuplicateReviews::pair), pair -> pair.foundAt() + "_" + pair.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Pair get(UUID id, RegionScope scope) {
        Pair pair = find(id);
        if (!scope.covers(pair.a().villageCode()) && !scope.covers(pair.b().villageCode())) {
            throw Refusal.notFound("Possible duplicate " + id);
        }
        return pair;
    }

    /**
     * Decides that the two records are two people: the pair leaves the queue as DISTINCT and stays so through later
     * scans. Needs a reason and a caller who covers both households; 409 for a pair already decided.
     */
    @Transactional
    public Pair dismiss(UUID id, String reason, RegionScope scope, String actor) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < DuplicateCheck.MIN_REASON || why.length() > DuplicateCheck.MAX_REASON) {
            throw Refusal.invalid(List.of(new Violation("reason", "length", "A decision gives its reason in "
                    + DuplicateCheck.MIN_REASON + " to " + DuplicateCheck.MAX_REASON + " characters.")));
        }
        Pair pair = get(id, scope);
        if (!scope.covers(pair.a().villageCode()) || !scope.covers(pair.b().villageCode())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "duplicate-outside-region",
                    "One of the two households lies outside your region: an officer of both, or the county, decides.");
        }
        int changed = entityManager.createNativeQuery("""
                update duplicate_candidate set status = 'DISTINCT', decided_at = :now, decided_by = :actor,
                       decision_reason = :reason, version = version + 1
                where id = :id and status = 'OPEN'""")
                .setParameter("now", Instant.now()).setParameter("actor", actor).setParameter("reason", why).setParameter("id", id)
                .executeUpdate();
        if (changed == 0) {
            throw Refusal.conflict("duplicate-already-decided", "This possible duplicate was decided already (" + pair.status() + ").");
        }
        record(pair.a(), pair.b(), actor, why, pair.id());
        record(pair.b(), pair.a(), actor, why, pair.id());
        return find(id);
    }

    private void record(Side side, Side other, String actor, String reason, UUID pairId) {
        history.record(side.householdId(), actor, DISMISSED, reason, List.of(new FieldChange(
                "members[" + side.memberId() + "].possibleDuplicate", Map.of("pair", pairId.toString(), "status", "OPEN",
                        "memberId", other.memberId().toString(), "householdNo", other.householdNo()),
                Map.of("pair", pairId.toString(), "status", "DISTINCT", "memberId", other.memberId().toString(),
                        "householdNo", other.householdNo()))));
    }

    private Pair find(UUID id) {
        List<Pair> found = Rows.list(entityManager.createNativeQuery(SELECT + " where c.id = :id").setParameter("id", id),
                DuplicateReviews::pair);
        if (found.isEmpty()) {
            throw Refusal.notFound("Possible duplicate " + id);
        }
        return found.get(0);
    }

    private static Pair pair(Row row) {
        return new Pair(row.uuid("id"), side(row, "a"), side(row, "b"),
                row.texts("reasons").stream().map(DuplicateReason::valueOf).toList(), row.instantOrNull("found_at"),
                row.text("found_by"), row.text("status"), row.instantOrNull("decided_at"), row.text("decided_by"),
                row.text("decision_reason"), row.count("version"));
    }

    private static Side side(Row row, String s) {
        return new Side(row.uuid("member_" + s), row.uuid("household_" + s), row.text("no_" + s), row.text("village_" + s),
                row.text("name_" + s), row.text("id_" + s), row.dateOrNull("born_" + s), row.flag("current_" + s));
    }
}
