package org.fupin.household.duplicates.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.duplicates.domain.DuplicateDecisions;
import org.fupin.household.duplicates.domain.DuplicateDecisions.Status;
import org.fupin.household.duplicates.domain.DuplicateReason;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.domain.MemberRemovalReason;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.household.registry.service.HouseholdLoader;
import org.fupin.household.registry.service.HouseholdMembers;
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
 * one who covers both (or the county): dismissed as two people, merged (one record retired as a duplicate) or moved
 * (the person lives in the other record's household), and any decision undone. Every decision goes into the history of
 * both households; those that remove or restore a record publish it, so that reports follow.
 */
@ApplicationScoped
public class DuplicateReviews {

    /** The history action of a dismissal: the two records are two people. */
    public static final String DISMISSED = "DUPLICATE_DISMISSED";
    /** The history action of a merge: one person registered twice, one record retired. */
    public static final String MERGED = "DUPLICATE_MERGED";
    /** The history action of a move: the person lives in the household of their other record. */
    public static final String MOVED = "DUPLICATE_MOVED";
    /** The history action of an undo: the pair is open again, a retired record restored. */
    public static final String UNDONE = "DUPLICATE_DECISION_UNDONE";

    /** One side of a pair: a member record and its household. */
    public record Side(UUID memberId, UUID householdId, String householdNo, String villageCode, String name, String idNumber,
            LocalDate birthDate, boolean current) {
    }

    /** A pair and what became of it: a merge or move names the record it retired and from which day. */
    public record Pair(UUID id, Side a, Side b, List<DuplicateReason> reasons, Instant foundAt, String foundBy, Status status,
            Instant decidedAt, String decidedBy, String decisionReason, UUID retiredMember, LocalDate retiredFrom, long version) {

        /** The side of this member record; 400 naming {@code field} when it is neither. */
        Side side(UUID memberId, String field) {
            if (a.memberId().equals(memberId)) {
                return a;
            }
            if (b.memberId().equals(memberId)) {
                return b;
            }
            throw Refusal.invalid(List.of(new Violation(field, "not-in-pair",
                    "Name the member id of one of the pair's two records (a.memberId or b.memberId).")));
        }

        Side other(Side side) {
            return side == a ? b : a;
        }
    }

    private static final String SELECT = """
            select c.id, c.reasons, c.found_at, c.found_by, c.status, c.decided_at, c.decided_by, c.decision_reason, c.version,
                   c.retired_member, c.retired_from,
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
    private final HouseholdLoader households;
    private final HouseholdMembers members;
    private final RegistryConfig config;

    public DuplicateReviews(EntityManager entityManager, HouseholdHistory history, HouseholdLoader households, HouseholdMembers members,
            RegistryConfig config) {
        this.entityManager = entityManager;
        this.history = history;
        this.households = households;
        this.members = members;
        this.config = config;
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
        String why = reasonOf(reason);
        Pair pair = decidable(id, scope);
        decide(pair, Status.DISTINCT, actor, why, null, null);
        recordBoth(pair, DISMISSED, actor, why, Status.DISTINCT, null, List.of());
        return find(id);
    }

    /**
     * Decides that the two records are one person registered twice: {@code keep} stays, the other record is retired as
     * DUPLICATE from the day the person's other record began ({@link DuplicateDecisions#retiredFrom}), so that every
     * report counts the person once. The retired record may be neither its household's head nor its last member.
     */
    @Transactional
    public Pair merge(UUID id, UUID keep, String reason, RegionScope scope, String actor) {
        String why = reasonOf(reason);
        Pair pair = decidable(id, scope);
        Side retired = pair.other(pair.side(keep, "keep"));
        return removeOne(pair, retired, Status.MERGED, MemberRemovalReason.DUPLICATE,
                (leaving, staying) -> DuplicateDecisions.retiredFrom(leaving.firstDay(), staying.firstDay()), why, scope, actor);
    }

    /**
     * Decides that the two records are one person who lives in the household of the other record: {@code member}
     * leaves its household as MOVED_OUT on {@code effectiveDate} (default as a merge's day), and the other stays.
     */
    @Transactional
    public Pair move(UUID id, UUID member, LocalDate effectiveDate, String reason, RegionScope scope, String actor) {
        String why = reasonOf(reason);
        Pair pair = decidable(id, scope);
        Side moving = pair.side(member, "member");
        LocalDate today = LocalDate.now(config.zone());
        return removeOne(pair, moving, Status.MOVED, MemberRemovalReason.MOVED_OUT,
                (leaving, staying) -> DuplicateDecisions.movedOn(effectiveDate, leaving.firstDay(), staying.firstDay(), today),
                why, scope, actor);
    }

    /** A merge or a move: one record leaves its household from the day {@code day} gives, the other stays. */
    private Pair removeOne(Pair pair, Side leavingSide, Status status, MemberRemovalReason removal,
            BiFunction<MemberEntity, MemberEntity, LocalDate> day, String why, RegionScope scope, String actor) {
        requireCurrent(pair);
        Side stayingSide = pair.other(leavingSide);
        HouseholdEntity household = households.inScope(leavingSide.householdId(), scope);
        MemberEntity leaving = member(household, leavingSide.memberId());
        MemberEntity staying = member(households.inScope(stayingSide.householdId(), scope), stayingSide.memberId());
        LocalDate from = day.apply(leaving, staying);
        decide(pair, status, actor, why, leaving.id, from);
        List<FieldChange> changes = members.retire(household, leaving, removal, from, staying.id);
        recordBoth(pair, status == Status.MERGED ? MERGED : MOVED, actor, why, status, leavingSide, changes);
        return find(pair.id());
    }

    /**
     * Undoes a decision: the pair is OPEN again, and a record a merge or move removed is current again and counts as if
     * it had never left ({@code household.member-restored}). 409 for a pair that waits for a decision.
     */
    @Transactional
    public Pair undo(UUID id, String reason, RegionScope scope, String actor) {
        String why = reasonOf(reason);
        Pair pair = decidable(id, scope);
        if (pair.status() == Status.OPEN) {
            throw Refusal.conflict("duplicate-not-decided", "This possible duplicate waits for a decision; there is none to undo.");
        }
        int changed = entityManager.createNativeQuery("""
                update duplicate_candidate set status = 'OPEN', decided_at = null, decided_by = null, decision_reason = null,
                       retired_member = null, retired_from = null, version = version + 1
                where id = :id and version = :version""")
                .setParameter("id", id).setParameter("version", pair.version()).executeUpdate();
        if (changed == 0) {
            throw Refusal.conflict("duplicate-already-decided", "This possible duplicate was decided again a moment ago; read it anew.");
        }
        Side restored = null;
        List<FieldChange> changes = List.of();
        if (pair.retiredMember() != null) {
            restored = pair.side(pair.retiredMember(), "retiredMember");
            HouseholdEntity household = households.inScope(restored.householdId(), scope);
            changes = members.restore(household, member(household, restored.memberId()));
        }
        recordBoth(pair, UNDONE, actor, why, Status.OPEN, restored, changes);
        return find(id);
    }

    private static String reasonOf(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < DuplicateCheck.MIN_REASON || why.length() > DuplicateCheck.MAX_REASON) {
            throw Refusal.invalid(List.of(new Violation("reason", "length", "A decision gives its reason in "
                    + DuplicateCheck.MIN_REASON + " to " + DuplicateCheck.MAX_REASON + " characters.")));
        }
        return why;
    }

    /** A pair the caller may decide: both households in the caller's region. */
    private Pair decidable(UUID id, RegionScope scope) {
        Pair pair = get(id, scope);
        if (!scope.covers(pair.a().villageCode()) || !scope.covers(pair.b().villageCode())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "duplicate-outside-region",
                    "One of the two households lies outside your region: an officer of both, or the county, decides.");
        }
        return pair;
    }

    /** A merge or move removes a record: both must still be current (one may have left since the pair was found). */
    private static void requireCurrent(Pair pair) {
        if (pair.status() == Status.OPEN && (!pair.a().current() || !pair.b().current())) {
            throw Refusal.conflict("duplicate-member-removed", "A record of this pair was removed from its household since the "
                    + "pair was found; the person is registered once already. Dismiss the pair, or restore the record first.");
        }
    }

    private void decide(Pair pair, Status status, String actor, String reason, UUID retiredMember, LocalDate retiredFrom) {
        // An open pair has no retired record (the table's check): a dismissal leaves those columns null.
        Query update = entityManager.createNativeQuery("""
                update duplicate_candidate set status = :status, decided_at = :now, decided_by = :actor, decision_reason = :reason,
                       version = version + 1""" + (retiredMember == null ? "" : ", retired_member = :retired, retired_from = :from")
                + " where id = :id and status = 'OPEN'")
                .setParameter("status", status.name()).setParameter("now", Instant.now()).setParameter("actor", actor)
                .setParameter("reason", reason).setParameter("id", pair.id());
        if (retiredMember != null) {
            update.setParameter("retired", retiredMember).setParameter("from", retiredFrom);
        }
        if (update.executeUpdate() == 0) {
            throw Refusal.conflict("duplicate-already-decided", "This possible duplicate was decided already (" + pair.status() + ").");
        }
    }

    /**
     * One history entry in each household (one when both records are in the same), with what the decision changed in
     * the household of {@code changed} (the record removed or restored; null when none).
     */
    private void recordBoth(Pair pair, String action, String actor, String reason, Status to, Side changed,
            List<FieldChange> changes) {
        if (pair.a().householdId().equals(pair.b().householdId())) {
            record(pair.a(), pair.b(), pair, action, actor, reason, to, changes);
            return;
        }
        record(pair.a(), pair.b(), pair, action, actor, reason, to, changed == pair.a() ? changes : List.of());
        record(pair.b(), pair.a(), pair, action, actor, reason, to, changed == pair.b() ? changes : List.of());
    }

    private void record(Side side, Side other, Pair pair, String action, String actor, String reason, Status to,
            List<FieldChange> changes) {
        List<FieldChange> all = new ArrayList<>();
        all.add(new FieldChange("members[" + side.memberId() + "].possibleDuplicate", line(pair, pair.status(), other),
                line(pair, to, other)));
        all.addAll(changes);
        history.record(side.householdId(), actor, action, reason, all);
    }

    private static Map<String, Object> line(Pair pair, Status status, Side other) {
        return Map.of("pair", pair.id().toString(), "status", status.name(), "memberId", other.memberId().toString(),
                "householdNo", other.householdNo());
    }

    private static MemberEntity member(HouseholdEntity household, UUID memberId) {
        return household.members.stream().filter(m -> m.id.equals(memberId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("Member " + memberId));
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
                row.text("found_by"), Status.valueOf(row.text("status")), row.instantOrNull("decided_at"), row.text("decided_by"),
                row.text("decision_reason"), row.uuid("retired_member"), row.dateOrNull("retired_from"), row.count("version"));
    }

    private static Side side(Row row, String s) {
        return new Side(row.uuid("member_" + s), row.uuid("household_" + s), row.text("no_" + s), row.text("village_" + s),
                row.text("name_" + s), row.text("id_" + s), row.dateOrNull("born_" + s), row.flag("current_" + s));
    }
}
