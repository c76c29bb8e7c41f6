package org.fupin.household.duplicates.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.household.duplicates.domain.DuplicateReason;
import org.fupin.household.duplicates.domain.DuplicateRules;
import org.fupin.household.duplicates.domain.Person;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;
import org.fupin.platform.sql.Rows;

/**
 * Finds the current members of the register who may be the people a registration or a member change names (the same
 * name in either script or in pinyin, with the same birth date or a near ID number: {@link DuplicateRules}), and
 * refuses with 409 {@code possible-duplicate} unless the caller confirms, with a reason, that they are other people.
 */
@ApplicationScoped
public class DuplicateCheck {

    /** The shortest reason a confirmation accepts: a reason, not a click. */
    public static final int MIN_REASON = 5;
    public static final int MAX_REASON = 500;

    /** A registered member who may be the person at {@code path} of the request. */
    public record Candidate(String path, UUID memberId, UUID householdId, String householdNo, String villageCode, String name,
            String idNumber, LocalDate birthDate, Set<DuplicateReason> reasons) {
    }

    /** A candidate as the caller may see it: the problem's {@code candidates} (the privacy policy applies). */
    public record Shown(String member, UUID memberId, UUID householdId, String householdNo, String villageCode, String name,
            String idNumber, List<DuplicateReason> reasons) {
    }

    /** A person of the request: where it stands in the request ({@code members[1]}) and who it is. */
    public record Named(String path, Person person) {
    }

    /** The history action of a confirmation that the people of a request are not the candidates found. */
    public static final String CONFIRMED_DISTINCT = "DUPLICATE_CHECK_CONFIRMED_DISTINCT";

    private static final String RECORD_DISTINCT = """
            insert into duplicate_candidate (id, member_a, member_b, household_a, household_b, village_a, village_b, reasons,
                                             found_at, found_by, status, decided_at, decided_by, decision_reason)
            select :id, least(a.id, b.id), greatest(a.id, b.id),
                   case when a.id < b.id then a.household_id else b.household_id end,
                   case when a.id < b.id then b.household_id else a.household_id end,
                   case when a.id < b.id then ha.village_code else hb.village_code end,
                   case when a.id < b.id then hb.village_code else ha.village_code end,
                   cast(:reasons as text[]), :now, 'registration', 'DISTINCT', :now, :actor, :reason
            from household_member a join household ha on ha.id = a.household_id,
                 household_member b join household hb on hb.id = b.household_id
            where a.id = :member and b.id = :candidate
            on conflict (member_a, member_b) do nothing""";

    private final EntityManager entityManager;
    private final HouseholdHistory history;

    public DuplicateCheck(EntityManager entityManager, HouseholdHistory history) {
        this.entityManager = entityManager;
        this.history = history;
    }

    /**
     * Records a confirmation: in the household's history (who, the reason, each candidate), and each pair as decided
     * (DISTINCT) in the review queue's table, so that a scan of the register does not raise it again.
     *
     * @param members the stored member of each request path ({@code members[0]} to its id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordConfirmed(UUID householdId, Map<String, UUID> members, List<Candidate> confirmed, String reason, String actor) {
        if (confirmed.isEmpty()) {
            return;
        }
        entityManager.flush();
        List<FieldChange> changes = new ArrayList<>();
        Instant now = Instant.now();
        for (Candidate c : confirmed) {
            UUID member = members.get(c.path());
            List<String> reasons = c.reasons().stream().map(Enum::name).toList();
            changes.add(new FieldChange("members[" + member + "].possibleDuplicate", null,
                    Map.of("memberId", c.memberId().toString(), "householdNo", c.householdNo(), "reasons", reasons)));
            entityManager.createNativeQuery(RECORD_DISTINCT)
                    .setParameter("id", RowIds.next())
                    .setParameter("member", member)
                    .setParameter("candidate", c.memberId())
                    .setParameter("reasons", reasons.toArray(String[]::new))
                    .setParameter("now", now)
                    .setParameter("actor", actor)
                    .setParameter("reason", reason.strip())
                    .executeUpdate();
        }
        history.record(householdId, actor, CONFIRMED_DISTINCT, reason.strip(), changes);
    }

    /**
     * A confirmation as recorded, stripped, or null when none was given; 400 when one is given that
     * is too short or too long to be a reason, whether or not a duplicate calls for it.
     */
    public static String confirmationOf(String confirmation) {
        String reason = confirmation == null ? null : confirmation.strip();
        if (reason != null && (reason.length() < MIN_REASON || reason.length() > MAX_REASON)) {
            throw Refusal.invalid(List.of(new Violation("duplicateConfirmation", "length",
                    "A confirmation gives the reason in " + MIN_REASON + " to " + MAX_REASON + " characters.")));
        }
        return reason;
    }

    /**
     * The candidates of these people among current members other than {@code except}; refuses with 409 when there
     * are some and {@code confirmation} is absent, 400 when a given confirmation is too short to be a reason.
     *
     * @return the candidates the caller confirmed to be other people (empty when none were found)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Candidate> require(List<Named> people, Set<UUID> except, String confirmation, FieldAccess access) {
        String reason = confirmationOf(confirmation);
        List<Candidate> found = candidates(people, except);
        if (!found.isEmpty() && reason == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "possible-duplicate", found.size() + " registered "
                    + (found.size() == 1 ? "person is" : "people are") + " likely the same as a person of this request. Check the "
                    + "candidates; if they are other people, send the request again with duplicateConfirmation saying why.",
                    List.of()).withCandidates(found.stream().map(c -> shown(c, access)).toList());
        }
        return found;
    }

    /** The current members who may be one of {@code people}, except those listed. */
    public List<Candidate> candidates(List<Named> people, Set<UUID> except) {
        Set<String> keys = new LinkedHashSet<>();
        people.forEach(p -> {
            if (!p.person().pinyinKey().isEmpty()) {
                keys.add(p.person().pinyinKey());
            }
        });
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        Rows.stream(entityManager.createNativeQuery("""
                select m.id, m.household_id, h.household_no, h.village_code, m.name, m.id_number, m.birth_date
                from household_member m join household h on h.id = m.household_id
                where m.removed_reason is null and m.name_pinyin = any(cast(:keys as text[]))""")
                .setParameter("keys", keys.toArray(String[]::new)), row -> row).forEach(row -> {
                    UUID memberId = row.uuid("id");
                    if (except.contains(memberId)) {
                        return;
                    }
                    Person stored = Person.of(row.text("name"), row.text("id_number"), row.date("birth_date"));
                    for (Named named : people) {
                        Set<DuplicateReason> reasons = DuplicateRules.between(named.person(), stored);
                        if (!reasons.isEmpty()) {
                            found.add(new Candidate(named.path(), memberId, row.uuid("household_id"), row.text("household_no"),
                                    row.text("village_code"), stored.name(), stored.idNumber(), stored.birthDate(), reasons));
                        }
                    }
                });
        return found;
    }

    private static Shown shown(Candidate c, FieldAccess access) {
        return new Shown(c.path(), c.memberId(), c.householdId(), c.householdNo(), c.villageCode(),
                access.text(PersonalField.NAME, c.villageCode(), c.name()),
                access.text(PersonalField.ID_NUMBER, c.villageCode(), c.idNumber()), List.copyOf(c.reasons()));
    }
}
