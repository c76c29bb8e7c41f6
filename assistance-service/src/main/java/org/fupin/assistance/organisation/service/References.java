package org.fupin.assistance.organisation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.organisation.persistence.GroupEntity;
import org.fupin.assistance.organisation.persistence.HelperEntity;
import org.fupin.assistance.organisation.persistence.UnitEntity;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;
import org.fupin.security.RegionScope;

/**
 * Resolves the helpers, units and groups a request refers to, as the caller reaches them
 * ({@link OrganisationScope}): one that does not exist, or that the caller may not read, is a 422
 * naming the field, the same answer either way.
 */
@ApplicationScoped
public class References {

    public HelperEntity helper(UUID id, String field, RegionScope scope) {
        return readable(HelperEntity.<HelperEntity>findById(id), h -> h.regionCode, scope, "unknown-helper", "Helper " + id, field);
    }

    public UnitEntity unit(UUID id, String field, RegionScope scope) {
        return readable(UnitEntity.<UnitEntity>findById(id), u -> u.regionCode, scope, "unknown-unit", "Unit " + id, field);
    }

    /** A unit whose helpers the caller may register or move: one of the caller's region or below. */
    public UnitEntity writableUnit(UUID id, String field, RegionScope scope) {
        UnitEntity unit = UnitEntity.findById(id);
        if (unit == null || !OrganisationScope.writable(unit.regionCode, scope)) {
            throw unknown("unknown-unit", "Unit " + id, field);
        }
        return unit;
    }

    public GroupEntity group(UUID id, String field, RegionScope scope) {
        return readable(GroupEntity.<GroupEntity>findById(id), g -> g.regionCode, scope, "unknown-group",
                "Assistance group " + id, field);
    }

    /** Every helper of the list exists and is readable; the error names each other one by its position. */
    public void helpers(List<UUID> ids, String field, RegionScope scope) {
        List<UUID> known = HelperEntity.<HelperEntity>list("id in ?1", ids).stream()
                .filter(h -> OrganisationScope.readable(h.regionCode, scope))
                .map(h -> h.id)
                .toList();
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add(new Violation(field + "[" + i + "]", "unknown-helper", "No such helper in your region."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown-helper", "Some helpers of " + field + " do not exist in your region.", errors);
        }
    }

    /** Locks the helper's row for the rest of the transaction; see {@link HelperEntity#lock}. */
    public HelperEntity lockHelper(UUID id, String field, RegionScope scope) {
        return readable(HelperEntity.lock(id), h -> h.regionCode, scope, "unknown-helper", "Helper " + id, field);
    }

    private static <T> T readable(T record, java.util.function.Function<T, String> region, RegionScope scope, String code,
            String what, String field) {
        if (record == null || !OrganisationScope.readable(region.apply(record), scope)) {
            throw unknown(code, what, field);
        }
        return record;
    }

    private static Refusal unknown(String code, String what, String field) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, code, what + " does not exist in your region.",
                List.of(new Violation(field, code, "No such record in your region.")));
    }
}
