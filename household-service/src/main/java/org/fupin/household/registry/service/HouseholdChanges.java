package org.fupin.household.registry.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.HouseholdFacts;
import org.fupin.household.registry.domain.NewHousehold;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.household.registry.domain.RegistrationRules;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.web.MergePatch;
import org.fupin.security.RegionScope;

/** Changes the household-level facts (PATCH): the same rules as at registration, a history entry and household.updated. */
@ApplicationScoped
public class HouseholdChanges {

    /** The history action of a change of household facts. */
    public static final String UPDATE = "UPDATE";

    /** What a merge patch may change; status goes through transitions, members through their own endpoints. */
    public static final Set<String> PATCHABLE = Set.of("villageCode", "address", "phone", "category", "causes",
            "primaryCause", "identifiedYear", "annualIncomePerCapita");

    private final HouseholdLoader households;
    private final HouseholdHistory history;
    private final Outbox outbox;
    private final RegistryConfig config;

    public HouseholdChanges(HouseholdLoader households, HouseholdHistory history, Outbox outbox, RegistryConfig config) {
        this.households = households;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public HouseholdEntity patch(UUID id, MergePatch patch, ExpectedVersion expected, RegionScope scope, String actor) {
        HouseholdEntity household = households.inScope(id, scope);
        expected.check(household.version);
        NewHousehold candidate = merged(household, patch);
        List<Violation> errors = new ArrayList<>(RegistrationRules.checkShape(candidate));
        if (errors.isEmpty()) {
            errors.addAll(RegistrationRules.check(candidate, LocalDate.now(config.zone())));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (!candidate.villageCode().equals(household.villageCode)) {
            RegionEntity village = RegionEntity.findById(candidate.villageCode());
            if (village == null || !RegistrationRules.isRegistrableVillage(village.code, village.level, scope)) {
                throw Refusal.unknown("unknown-village",
                        "Village " + candidate.villageCode() + " is not a village of the registry within your region.",
                        "villageCode", "No such village in your region.");
            }
        }
        HouseholdFacts before = household.facts();
        household.restate(candidate.facts());
        List<FieldChange> changes = Changes.between(before.asFields(), household.facts().asFields());
        if (changes.isEmpty()) {
            return household;
        }
        household.updatedAt = Instant.now();
        household.persistAndFlush();
        List<String> changedFields = changes.stream().map(FieldChange::field).toList();
        outbox.record(household.id.toString(), HouseholdEvents.updated(household, changedFields, LocalDate.now(config.zone())));
        history.record(household.id, actor, UPDATE, null, changes);
        return household;
    }

    private static NewHousehold merged(HouseholdEntity household, MergePatch patch) {
        return new NewHousehold(
                patch.has("villageCode") ? patch.value("villageCode", String.class) : household.villageCode,
                patch.has("address") ? patch.value("address", String.class) : household.address,
                patch.has("phone") ? patch.value("phone", String.class) : household.phone,
                patch.has("category") ? patch.value("category", HouseholdCategory.class) : household.category,
                patch.has("causes") ? nonNull(patch.list("causes", PovertyCause.class)) : household.causeList(),
                patch.has("primaryCause") ? patch.value("primaryCause", PovertyCause.class) : household.primaryCause,
                patch.has("identifiedYear") ? nonNullYear(patch.value("identifiedYear", Integer.class)) : household.identifiedYear,
                patch.has("annualIncomePerCapita") ? patch.value("annualIncomePerCapita", BigDecimal.class) : household.annualIncomePerCapita,
                null,
                household.registeredOn,
                household.currentMembers().stream().map(MemberEntity::stated).toList());
    }

    private static <T> List<T> nonNull(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static int nonNullYear(Integer year) {
        if (year == null) {
            throw Refusal.invalid("identifiedYear", "required", "The identification year is required.");
        }
        return year;
    }
}
