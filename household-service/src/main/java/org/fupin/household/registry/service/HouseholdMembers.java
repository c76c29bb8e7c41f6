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
import org.fupin.events.household.MemberUpdated;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.domain.Education;
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
import org.fupin.security.RegionScope;
import org.fupin.platform.web.ETags;
import org.fupin.platform.web.MergePatch;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/**
 * Adds, changes and removes members. A household keeps exactly one head: designating a new head
 * turns the previous one into OTHER, and the head cannot be removed while the household goes on.
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

    public HouseholdMembers(HouseholdLoader households, HouseholdHistory history, Outbox outbox, EntityManager entityManager,
            RegistryConfig config) {
        this.households = households;
        this.history = history;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public MemberEntity add(UUID householdId, NewMember member, String ifMatch, RegionScope scope, String actor) {
        HouseholdEntity household = households.inScope(householdId, scope);
        checkOptionalIfMatch(ifMatch, household);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>(RegistrationRules.checkMember(member, "", today));
        if (member.relation() == Relation.HEAD) {
            errors.add(new FieldError("relation", "head-count",
                    "The household has a head; designate a new head by changing a member's relation.", Map.of("count", 2)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireUnused(member.idNumber(), null);
        Map<String, Object> before = HouseholdSnapshot.of(household);
        MemberEntity entity = HouseholdFactory.member(household, member, today);
        household.members.add(entity);
        touch(household);
        outbox.record(household.id.toString(), new MemberAdded(household.id, HouseholdEvents.facts(entity), today));
        history.record(household.id, actor, ADD_MEMBER, null, Changes.between(before, HouseholdSnapshot.of(household)));
        return entity;
    }

    @Transactional
    public MemberEntity patch(UUID householdId, UUID memberId, MergePatch patch, String ifMatch, RegionScope scope, String actor) {
        HouseholdEntity household = households.inScope(householdId, scope);
        ETags.requireMatch(ifMatch, household.version);
        MemberEntity member = current(household, memberId);
        NewMember candidate = merged(member, patch);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>(RegistrationRules.checkMemberShape(candidate, ""));
        if (errors.isEmpty()) {
            errors.addAll(RegistrationRules.checkMember(candidate, "", today));
        }
        if (member.relation == Relation.HEAD && candidate.relation() != Relation.HEAD) {
            errors.add(new FieldError("relation", "head-count",
                    "The head stays head until another member is designated head.", Map.of("count", 0)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String idNumber = candidate.idNumber().toUpperCase(java.util.Locale.ROOT);
        if (!idNumber.equals(member.idNumber)) {
            requireUnused(idNumber, member.id);
        }
        Map<String, Object> before = HouseholdSnapshot.of(household);
        if (candidate.relation() == Relation.HEAD && member.relation != Relation.HEAD) {
            // One head at a time: the previous head steps back, and the history shows it.
            household.currentMembers().stream().filter(m -> m.relation == Relation.HEAD).forEach(m -> m.relation = Relation.OTHER);
        }
        IdNumber parsed = IdNumber.parse(idNumber, today).idNumber();
        member.name = candidate.name().strip();
        member.idNumber = parsed.value();
        member.gender = parsed.gender();
        member.birthDate = parsed.birthDate();
        member.relation = candidate.relation();
        member.health = candidate.health();
        member.disabilityGrade = candidate.disabilityGrade();
        member.severeMentalIllness = candidate.severeMentalIllness();
        member.education = candidate.education();
        member.laborCapacity = candidate.laborCapacity();
        member.medicalInsurance = candidate.medicalInsurance();
        member.migrantWorker = candidate.migrantWorker();
        List<FieldChange> changes = Changes.between(before, HouseholdSnapshot.of(household));
        if (changes.isEmpty()) {
            return member;
        }
        touch(household);
        for (MemberEntity changed : changedMembers(household, changes)) {
            List<String> fields = changes.stream().map(FieldChange::field)
                    .filter(f -> f.startsWith("members[" + changed.id + "]."))
                    .map(f -> f.substring(f.indexOf("].") + 2))
                    .toList();
            outbox.record(household.id.toString(), new MemberUpdated(household.id, HouseholdEvents.facts(changed), fields, today));
        }
        history.record(household.id, actor, UPDATE_MEMBER, null, changes);
        return member;
    }

    @Transactional
    public void remove(UUID householdId, UUID memberId, MemberRemovalReason reason, String ifMatch, RegionScope scope,
            String actor) {
        HouseholdEntity household = households.inScope(householdId, scope);
        checkOptionalIfMatch(ifMatch, household);
        MemberEntity member = current(household, memberId);
        if (household.currentMembers().size() == 1) {
            throw ProblemException.unprocessable("last-member",
                    "This is the household's last member; remove the household instead (REMOVE with ALL_DECEASED or MOVED_OUT).");
        }
        if (member.relation == Relation.HEAD) {
            throw ProblemException.unprocessable("head-removal",
                    "Designate another member as head (PATCH relation HEAD) before removing the head.");
        }
        LocalDate today = today();
        Map<String, Object> before = HouseholdSnapshot.of(household);
        member.removedReason = reason.name();
        member.removedOn = today;
        touch(household);
        outbox.record(household.id.toString(), new MemberRemoved(household.id, member.id, reason.name(), today));
        history.record(household.id, actor, REMOVE_MEMBER, reason.name(), Changes.between(before, HouseholdSnapshot.of(household)));
    }

    private MemberEntity current(HouseholdEntity household, UUID memberId) {
        return household.currentMembers().stream().filter(m -> m.id.equals(memberId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Member " + memberId));
    }

    private void requireUnused(String idNumber, UUID exceptMember) {
        Long used = entityManager.createQuery("""
                select count(m) from MemberEntity m
                where m.idNumber = :id and m.removedReason is null and (:except is null or m.id <> :except)""", Long.class)
                .setParameter("id", idNumber.toUpperCase(java.util.Locale.ROOT))
                .setParameter("except", exceptMember)
                .getSingleResult();
        if (used > 0) {
            throw new ProblemException(409, "duplicate-id-number",
                    "This ID number is already registered for a current member; a person belongs to one household.",
                    List.of(new FieldError("idNumber", "duplicate-id-number",
                            "This ID number is already registered for a current member of the register.")));
        }
    }

    /** ETag checks are optional for adding and removing a member; given, they must match. */
    private static void checkOptionalIfMatch(String ifMatch, HouseholdEntity household) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, household.version);
        }
    }

    private void touch(HouseholdEntity household) {
        household.updatedAt = Instant.now();
        try {
            household.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if ("household_member_id_number".equals(e.getConstraintName())) {
                throw new ProblemException(409, "duplicate-id-number", "This ID number was registered a moment ago by another request.");
            }
            throw e;
        }
    }

    private LocalDate today() {
        return LocalDate.now(config.zone());
    }

    private static List<MemberEntity> changedMembers(HouseholdEntity household, List<FieldChange> changes) {
        return household.currentMembers().stream()
                .filter(m -> changes.stream().anyMatch(c -> c.field().startsWith("members[" + m.id + "].")))
                .toList();
    }

    private static NewMember merged(MemberEntity member, MergePatch patch) {
        return new NewMember(
                patch.has("name") ? patch.value("name", String.class) : member.name,
                patch.has("idNumber") ? patch.value("idNumber", String.class) : member.idNumber,
                patch.has("relation") ? patch.value("relation", Relation.class) : member.relation,
                patch.has("health") ? patch.value("health", Health.class) : member.health,
                patch.has("disabilityGrade") ? patch.value("disabilityGrade", Integer.class) : member.disabilityGrade,
                patch.has("severeMentalIllness") ? bool(patch, "severeMentalIllness") : member.severeMentalIllness,
                patch.has("education") ? patch.value("education", Education.class) : member.education,
                patch.has("laborCapacity") ? patch.value("laborCapacity", LaborCapacity.class) : member.laborCapacity,
                patch.has("medicalInsurance") ? bool(patch, "medicalInsurance") : member.medicalInsurance,
                patch.has("migrantWorker") ? bool(patch, "migrantWorker") : member.migrantWorker);
    }

    private static boolean bool(MergePatch patch, String field) {
        Boolean value = patch.value(field, Boolean.class);
        if (value == null) {
            throw ProblemException.invalid(List.of(new FieldError(field, "required", "This field cannot be cleared.")));
        }
        return value;
    }
}
