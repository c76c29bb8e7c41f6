package org.fupin.assistance.organisation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.organisation.persistence.GroupEntity;
import org.fupin.assistance.organisation.persistence.HelperEntity;
import org.fupin.assistance.organisation.persistence.UnitEntity;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/** Resolves the helpers, units and groups a request refers to; an unknown one is a 422 naming the field. */
@ApplicationScoped
public class References {

    public HelperEntity helper(UUID id, String field) {
        HelperEntity helper = HelperEntity.findById(id);
        if (helper == null) {
            throw unknown("unknown-helper", "Helper " + id, field);
        }
        return helper;
    }

    public UnitEntity unit(UUID id, String field) {
        UnitEntity unit = UnitEntity.findById(id);
        if (unit == null) {
            throw unknown("unknown-unit", "Unit " + id, field);
        }
        return unit;
    }

    public GroupEntity group(UUID id, String field) {
        GroupEntity group = GroupEntity.findById(id);
        if (group == null) {
            throw unknown("unknown-group", "Assistance group " + id, field);
        }
        return group;
    }

    /** Every helper of the list exists; the error names each unknown one by its position. */
    public void helpers(List<UUID> ids, String field) {
        List<UUID> known = HelperEntity.<HelperEntity>list("id in ?1", ids).stream().map(h -> h.id).toList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "unknown-helper", "No such helper."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "unknown-helper", "Some helpers of " + field + " do not exist.", errors);
        }
    }

    /** Locks the helper's row for the rest of the transaction; see {@link HelperEntity#lock}. */
    public HelperEntity lockHelper(UUID id, String field) {
        HelperEntity helper = HelperEntity.lock(id);
        if (helper == null) {
            throw unknown("unknown-helper", "Helper " + id, field);
        }
        return helper;
    }

    private static ProblemException unknown(String code, String what, String field) {
        return new ProblemException(422, code, what + " does not exist.",
                List.of(new FieldError(field, code, "No such record.")));
    }
}
