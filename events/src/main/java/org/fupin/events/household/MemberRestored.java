package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code household.member-restored}: the removal of a member was withdrawn (a duplicate review's merge or move undone),
 * so the member counts in the household as if it had never left, on every day since it joined; {@code effectiveDate}
 * is the day of the withdrawal.
 */
public record MemberRestored(UUID householdId, UUID memberId, LocalDate effectiveDate) {
}
