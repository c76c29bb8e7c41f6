package org.fupin.household.registry.domain;

import java.time.LocalDate;

import org.fupin.household.registry.domain.Action;
import org.fupin.household.registry.domain.RiskType;

/** A requested status transition: the action, the date it takes effect, why, and the risk type when flagging. */
public record TransitionCommand(Action action, LocalDate effectiveDate, String reason, RiskType riskType) {
}
