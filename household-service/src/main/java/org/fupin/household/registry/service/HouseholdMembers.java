package org.fupin.household.registry.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberRestored;
import org.fupin.events.household.MemberUpdated;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.duplicates.domain.Person;
import org.fupin.household.duplicates.service.DuplicateCheck;
import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Headship;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.MemberRemovalReason;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.household.registry.domain.Relation;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.security.RegionScope;
import org.fupin.platform.web.MergePatch;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * Adds, changes and removes members, by the rules of a registration and {@link Headship} (exactly
 * one head at a time, kept by the household itself), each with its event and history entry.
 */
@ApplicationScoped
public class HouseholdMembers {

    public static final String ADD_MEMBER = "ADD_MEMBER";
    public static final String UPDATE_MEMBER = "UPDATE_MEMBER";
    public static final String REMOVE_MEMBER = "REMOVE_MEMBER";

    /** What a merge patch of a member may change. */
    public static final Set<String> PATCHABLE = Set.of("name", "idNumber", "relation", "health", "disabilityGrade",
            "severeMentalIllness", "education", "laborCapacity", "medicalInsurance", "migrantWorker");

    private final HouseholdLoader households;
    private final HouseholdHistory history;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final RegistryConfig config;
    private final DuplicateCheck duplicates;

    public HouseholdMembers(HouseholdLoader households, HouseholdHistory history, Outbox outbox, EntityManager entityManager,
            RegistryConfig config, DuplicateCheck duplicates) {
        this.households = households;
        this.history = history;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
        this.duplicates = duplicates;
    }

    @Transactional
    public MemberEntity add(UUID householdId, NewMember member, ExpectedVersion expected, RegionScope scope, String actor,
            String duplicateConfirmation, FieldAccess access) {
        HouseholdEntity household = households.inScope(householdId, scope);
        expected.check(household.version);
        LocalDate today = today();
        List<Violation> errors = new ArrayList<>(RegistrationRules.checkMember(member, "", today));
        Headship.toAdd(member).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        requireUnused(member.idNumber(), null);
        IdNumber idNumber = IdNumber.parse(member.idNumber(), today).idNumber();
        List<DuplicateCheck.Candidate> confirmed = duplicates.require(List.of(new DuplicateCheck.Named("member",
                Person.of(member.name(), idNumber.value(), idNumber.birthDate()))), Set.of(), duplicateConfirmation, access);
        Map<String, Object> before = HouseholdSnapshot.of(household);
        MemberEntity entity = HouseholdFactory.member(household, member, today);
        entity.joinedOn = today;
        household.members.add(entity);
        touch(household);
        outbox.record(household.id.toString(), new MemberAdded(household.id, HouseholdEvents.facts(entity), today));
        history.record(household.id, actor, ADD_MEMBER, null, Changes.between(before, HouseholdSnapshot.of(household)));
        duplicates.recordConfirmed(household.id, Map.of("member", entity.id), confirmed, duplicateConfirmation, actor);
        return entity;
    }

    /**
     * Changes a member by merge patch. Designating a new head changes the previous head too (to
     * OTHER): each member whose facts changed gets its own {@code household.member-updated}.
     */
    @Transactional
    public MemberEntity patch(UUID householdId, UUID memberId, MergePatch patch, ExpectedVersion expected, RegionScope scope,
            String actor, String duplicateConfirmation, FieldAccess access) {
        HouseholdEntity household = households.inScope(householdId, scope);
        expected.check(household.version);
        MemberEntity member = current(household, memberId);
        NewMember candidate = merged(member.stated(), patch);
        DuplicateCheck.confirmationOf(duplicateConfirmation);
        LocalDate today = today();
        List<Violation> errors = new ArrayList<>(RegistrationRules.checkMemberShape(candidate, ""));
        if (errors.isEmpty()) {
            errors.addAll(RegistrationRules.checkMember(candidate, "", today));
        }
        Headship.toChange(member.relation, candidate.relation()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        IdNumber idNumber = IdNumber.parse(candidate.idNumber(), today).idNumber();
        if (!idNumber.value().equals(member.idNumber)) {
            requireUnused(idNumber.value(), member.id);
        }
        List<DuplicateCheck.Candidate> confirmed = List.of();
        if (!idNumber.value().equals(member.idNumber) || !candidate.name().strip().equals(member.name)) {
            // A new name or ID number may make the member someone already registered.
            confirmed = duplicates.require(List.of(new DuplicateCheck.Named("member",
                    Person.of(candidate.name(), idNumber.value(), idNumber.birthDate()))), Set.of(member.id), duplicateConfirmation, access);
        }
        Map<MemberEntity, NewMember> changed = household.change(member, candidate, idNumber);
        if (changed.isEmpty()) {
            return member;
        }
        duplicates.recordConfirmed(household.id, Map.of("member", member.id), confirmed, duplicateConfirmation, actor);
        touch(household);
        List<FieldChange> changes = new ArrayList<>();
        changed.forEach((other, before) -> {
            List<String> fields = Changes.between(before.asFields(), other.stated().asFields()).stream()
                    .map(FieldChange::field).toList();
            outbox.record(household.id.toString(), new MemberUpdated(household.id, HouseholdEvents.facts(other), fields, today));
            changes.addAll(HouseholdSnapshot.memberChanges(other.id, before, other.stated()));
        });
        history.record(household.id, actor, UPDATE_MEMBER, null, changes);
        return member;
    }

    @Transactional
    public void remove(UUID householdId, UUID memberId, MemberRemovalReason reason, ExpectedVersion expected, RegionScope scope,
            String actor) {
        HouseholdEntity household = households.inScope(householdId, scope);
        expected.check(household.version);
        MemberEntity member = current(household, memberId);
        history.record(household.id, actor, REMOVE_MEMBER, reason.name(), retire(household, member, reason, today(), null));
    }

    /**
     * Removes a member from {@code from}: today for a removal, a past day for a duplicate review's (the day the person's
     * other record began), which names the record of the same person that stays in {@code duplicateOf}. The rules of
     * any removal hold (not the head, not the last member). Returns the changes for the history entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FieldChange> retire(HouseholdEntity household, MemberEntity member, MemberRemovalReason reason, LocalDate from,
            UUID duplicateOf) {
        Headship.requireRemovable(member.relation, household.currentMembers().size());
        Map<String, Object> before = HouseholdSnapshot.of(household);
        member.removedReason = reason.name();
        member.removedOn = from;
        touch(household);
        outbox.record(household.id.toString(), new MemberRemoved(household.id, member.id, reason.name(), from, duplicateOf));
        return Changes.between(before, HouseholdSnapshot.of(household));
    }

    /**
     * Withdraws a review's removal: the member is current again and counts as if it had never left. 409 when its ID
     * number has since been registered for someone current. Returns the changes for the undo's history entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FieldChange> restore(HouseholdEntity household, MemberEntity member) {
        requireUnused(member.idNumber, member.id);
        Map<String, Object> before = HouseholdSnapshot.of(household);
        member.removedReason = null;
        member.removedOn = null;
        touch(household);
        outbox.record(household.id.toString(), new MemberRestored(household.id, member.id, today()));
        return Changes.between(before, HouseholdSnapshot.of(household));
    }

    private MemberEntity current(HouseholdEntity household, UUID memberId) {
        return household.currentMembers().stream().filter(m -> m.id.equals(memberId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("Member " + memberId));
    }

    private void requireUnused(String idNumber, UUID exceptMember) {
        Long used = entityManager.createQuery("""
                select count(m) from MemberEntity m
                where m.idNumber = :id and m.removedReason is null and (:except is null or m.id <> :except)""", Long.class)
                .setParameter("id", idNumber.toUpperCase(java.util.Locale.ROOT))
                .setParameter("except", exceptMember)
                .getSingleResult();
        if (used > 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, "duplicate-id-number",
                    "This ID number is already registered for a current member; a person belongs to one household.",
                    List.of(new Violation("idNumber", "duplicate-id-number",
                            "This ID number is already registered for a current member of the register.")));
        }
    }

    private void touch(HouseholdEntity household) {
        household.updatedAt = Instant.now();
        try {
            household.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if ("household_member_id_number".equals(e.getConstraintName())) {
                throw new Refusal(Refusal.Kind.CONFLICT, "duplicate-id-number", "This ID number was registered a moment ago by another request.");
            }
            throw e;
        }
    }

    private LocalDate today() {
        return LocalDate.now(config.zone());
    }

    private static NewMember merged(NewMember member, MergePatch patch) {
        return new NewMember(
                patch.has("name") ? patch.value("name", String.class) : member.name(),
                patch.has("idNumber") ? patch.value("idNumber", String.class) : member.idNumber(),
                patch.has("relation") ? patch.value("relation", Relation.class) : member.relation(),
                patch.has("health") ? patch.value("health", Health.class) : member.health(),
                patch.has("disabilityGrade") ? patch.value("disabilityGrade", Integer.class) : member.disabilityGrade(),
                patch.has("severeMentalIllness") ? bool(patch, "severeMentalIllness") : member.severeMentalIllness(),
                patch.has("education") ? patch.value("education", Education.class) : member.education(),
                patch.has("laborCapacity") ? patch.value("laborCapacity", LaborCapacity.class) : member.laborCapacity(),
                patch.has("medicalInsurance") ? bool(patch, "medicalInsurance") : member.medicalInsurance(),
                patch.has("migrantWorker") ? bool(patch, "migrantWorker") : member.migrantWorker());
    }

    private static boolean bool(MergePatch patch, String field) {
        Boolean value = patch.value(field, Boolean.class);
        if (value == null) {
            throw Refusal.invalid(List.of(new Violation(field, "required", "This field cannot be cleared.")));
        }
        return value;
    }
}
