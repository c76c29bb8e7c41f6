package org.fupin.household.registry.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.duplicates.domain.Person;
import org.fupin.household.duplicates.service.DuplicateCheck;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.NewHousehold;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;
import org.fupin.security.RegionScope;

/**
 * Registers households (建檔立卡): checks the rules, allocates the household number, stores the
 * household with its members and records {@code household.registered}, all in one transaction.
 */
@ApplicationScoped
public class HouseholdRegistration {

    /** The history action of a registration. */
    public static final String REGISTER = "REGISTER";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final HouseholdHistory history;
    private final RegistryConfig config;
    private final DuplicateCheck duplicates;

    public HouseholdRegistration(EntityManager entityManager, Outbox outbox, HouseholdHistory history, RegistryConfig config,
            DuplicateCheck duplicates) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.history = history;
        this.config = config;
        this.duplicates = duplicates;
    }

    /**
     * Registers the household unless a person of it may already be registered (409 possible-duplicate with the
     * candidates, as {@code access} lets the caller see them) and {@code duplicateConfirmation} does not say why they
     * are other people; a confirmation is recorded in history and in the duplicate review table.
     */
    @Transactional
    public HouseholdEntity register(NewHousehold household, RegionScope scope, String actor, String duplicateConfirmation,
            FieldAccess access) {
        LocalDate today = LocalDate.now(config.zone());
        List<Violation> errors = RegistrationRules.check(household, today);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        RegionEntity village = RegionEntity.findById(household.villageCode());
        if (village == null || !RegistrationRules.isRegistrableVillage(village.code, village.level, scope)) {
            throw Refusal.unprocessable("unknown-village",
                    "Village " + household.villageCode() + " is not a village of the registry within your region.",
                    List.of(new Violation("villageCode", "unknown-village", "No such village in your region.")));
        }
        List<DuplicateCheck.Named> people = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            NewMember member = household.members().get(i);
            IdNumber idNumber = IdNumber.parse(member.idNumber(), today).idNumber();
            people.add(new DuplicateCheck.Named("members[" + i + "]", Person.of(member.name(), idNumber.value(), idNumber.birthDate())));
        }
        List<DuplicateCheck.Candidate> confirmed = duplicates.require(people, Set.of(), duplicateConfirmation, access);
        HouseholdEntity entity = HouseholdFactory.household(household, nextHouseholdNo(village.code), today, Instant.now());
        entity.persist();
        flushClaimingIdNumbers(household.members());
        outbox.record(entity.id.toString(), HouseholdEvents.registered(entity));
        history.record(entity.id, actor, REGISTER, null, HouseholdSnapshot.registration(entity));
        Map<String, UUID> stored = new HashMap<>();
        for (int i = 0; i < entity.members.size(); i++) {
            stored.put("members[" + i + "]", entity.members.get(i).id);
        }
        duplicates.recordConfirmed(entity.id, stored, confirmed, duplicateConfirmation, actor);
        return entity;
    }

    /**
     * An ID number belongs to one current member of the register: the partial unique index
     * {@code household_member_id_number} claims it when the household is stored, for a sequential
     * repeat and for two registrations racing alike. Only then, in a transaction of its own (this one
     * is lost), are the numbers already in use looked up, to name each refused member; a registration
     * that goes through pays for no lookup (it was a query of every registration, 9 % of the service's
     * CPU in the registration benchmark's profile).
     */
    private void flushClaimingIdNumbers(List<NewMember> members) {
        try {
            entityManager.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if ("household_member_id_number".equals(e.getConstraintName())) {
                List<Violation> errors = QuarkusTransaction.requiringNew().call(() -> usedIdNumbers(members));
                throw new Refusal(Refusal.Kind.CONFLICT, "duplicate-id-number",
                        "An ID number of this household is already registered; a person belongs to one household.", errors);
            }
            throw e;
        }
    }

    /** The members whose ID number a current member of the register holds, as field errors. */
    private List<Violation> usedIdNumbers(List<NewMember> members) {
        List<String> idNumbers = members.stream().map(m -> m.idNumber().toUpperCase(Locale.ROOT)).toList();
        Set<String> used = entityManager.createQuery(
                "select m.idNumber from MemberEntity m where m.idNumber in :ids and m.removedReason is null", String.class)
                .setParameter("ids", idNumbers)
                .getResultStream()
                .collect(Collectors.toSet());
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < idNumbers.size(); i++) {
            if (used.contains(idNumbers.get(i))) {
                errors.add(new Violation("members[" + i + "].idNumber", "duplicate-id-number",
                        "This ID number is already registered for a current member of the register."));
            }
        }
        return errors;
    }

    /** Household numbers run per village without gaps from concurrent registrations: the counter row is locked. */
    private String nextHouseholdNo(String villageCode) {
        Number serial = (Number) entityManager.createNativeQuery("""
                insert into household_number (village_code, last_serial) values (:village, 1)
                on conflict (village_code) do update set last_serial = household_number.last_serial + 1
                returning last_serial""")
                .setParameter("village", villageCode)
                .getSingleResult();
        return HouseholdFactory.householdNo(villageCode, serial.intValue());
    }
}
