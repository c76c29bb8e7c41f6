package org.fupin.household.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A version of a warning rule: its condition and figures, from which day it is in force, and for which county
 * (null: the default every county starts from). An inactive version retires the rule from its day on.
 */
public record WarningRule(UUID id, String code, int version, String countyCode, String name, WarningCondition condition,
        BigDecimal threshold, BigDecimal incomeShare, BigDecimal lineFactor, SignalKind signalKind, boolean active,
        LocalDate effectiveFrom) {
}
