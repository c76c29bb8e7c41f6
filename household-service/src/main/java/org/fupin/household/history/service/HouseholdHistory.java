package org.fupin.household.history.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.persistence.HistoryEntryEntity;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;

/** Records every change of a household in the transaction that makes it, and reads the record back. */
@ApplicationScoped
public class HouseholdHistory {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID householdId, String actor, String action, String reason, List<FieldChange> changes) {
        record(householdId, actor, action, reason, changes, null);
    }

    /** A change that belongs to a case (a step of it, or the decision it led to). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID householdId, String actor, String action, String reason, List<FieldChange> changes, UUID caseId) {
        HistoryEntryEntity entry = new HistoryEntryEntity();
        entry.householdId = householdId;
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.reason = reason;
        entry.changes = List.copyOf(changes);
        entry.caseId = caseId;
        entry.persist();
    }

    public Page<HistoryEntryEntity> of(UUID householdId, PageRequest page) {
        long after = page.after() == null ? 0 : parse(page.after());
        return page.page(HistoryEntryEntity.of(householdId, after, page.fetchSize()), entry -> String.valueOf(entry.id));
    }

    private static long parse(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw org.fupin.kernel.Refusal.invalid("invalid-cursor", "The cursor is not one this list issued; start again without it.");
        }
    }
}
