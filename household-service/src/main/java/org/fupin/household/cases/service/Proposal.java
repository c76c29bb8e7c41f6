package org.fupin.household.cases.service;

import java.time.LocalDate;
import java.util.UUID;

import org.fupin.household.cases.domain.CaseKind;

/** A proposal (申請): which household, what kind of case, on which day, and why. */
public record Proposal(UUID householdId, CaseKind kind, LocalDate proposedOn, String reason) {
}
