package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code household.member-removed} (v2): a person left a registered household, or a record of a person registered twice
 * was retired ({@code DUPLICATE}, v2). {@code duplicateOf} names the member record of the same person that stays when a
 * duplicate review decided the removal (v2; null otherwise and in v1 events). From {@code effectiveDate} on the member
 * is not counted in the household; a duplicate is retired from the day the person's other record began, so that the
 * person is counted once on every day.
 */
public record MemberRemoved(UUID householdId, UUID memberId, String reason, LocalDate effectiveDate, UUID duplicateOf) {
}
