package org.fupin.events.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code household.member-updated}: a member's facts changed; carries the member's non-personal facts after the
 * change and the names of the fields that changed.
 */
public record MemberUpdated(UUID householdId, MemberFacts member, List<String> changedFields, LocalDate effectiveDate) {

    public MemberUpdated {
        changedFields = changedFields == null ? null : List.copyOf(changedFields);
    }
}
