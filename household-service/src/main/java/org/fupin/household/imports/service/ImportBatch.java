package org.fupin.household.imports.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.imports.domain.HouseholdRowGroup;
import org.fupin.household.imports.domain.ImportValidation;
import org.fupin.household.imports.domain.ImportedHousehold;
import org.fupin.household.imports.domain.RowError;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdFactory;
import org.fupin.household.registry.service.HouseholdSnapshot;

/**
 * Households read since the last commit: the valid ones to register, with their rows and history
 * prepared on the reading thread (only the household number waits for the writing transaction),
 * and the rejected rows of the others.
 */
final class ImportBatch {

    /** A valid household with the rows and the history (as JSON) it will be stored with. */
    record Prepared(ImportedHousehold source, HouseholdEntity entity, String historyChanges) {
    }

    private final List<ImportedHousehold> valid = new ArrayList<>();
    private final List<Prepared> prepared = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private int rows;
    private int failed;

    void add(HouseholdRowGroup group, ImportValidation.Outcome outcome) {
        rows += group.rows().size();
        if (outcome.valid()) {
            valid.add(outcome.household());
            return;
        }
        errors.addAll(outcome.errors());
        // Later rows of a scattered household belong to a household counted at its first rows.
        if (group.part() != HouseholdRowGroup.Part.LATER_OF_SCATTERED) {
            failed++;
        }
    }

    int households() {
        return valid.size() + failed;
    }

    /** Builds the rows and history of the valid households; the number is given when they are stored. */
    ImportBatch prepared(LocalDate today, Function<List<FieldChange>, String> json) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (ImportedHousehold household : valid) {
            HouseholdEntity entity = HouseholdFactory.household(household.household(), null, today, now);
            prepared.add(new Prepared(household, entity, json.apply(HouseholdSnapshot.registration(entity))));
        }
        return this;
    }

    List<Prepared> prepared() {
        return prepared;
    }

    List<RowError> errors() {
        return errors;
    }

    int rows() {
        return rows;
    }

    int failed() {
        return failed;
    }
}
