package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code household.member-removed}: a person left a registered household. */
public record MemberRemoved(UUID householdId, UUID memberId, String reason, LocalDate effectiveDate) {
}
