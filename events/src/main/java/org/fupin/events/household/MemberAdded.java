package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code household.member-added}: a person joined a registered household (by birth, marriage or moving in). */
public record MemberAdded(UUID householdId, MemberFacts member, LocalDate effectiveDate) {
}
