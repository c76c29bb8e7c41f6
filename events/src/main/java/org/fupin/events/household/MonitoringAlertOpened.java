package org.fupin.events.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code monitoring-alert.opened}: a warning rule fired for a household, which now waits for its helper's visit. */
public record MonitoringAlertOpened(
        UUID alertId,
        UUID householdId,
        String villageCode,
        LocalDate openedOn,
        LocalDate dueOn,
        String assigneeKind,
        UUID assigneeId,
        List<RuleVersion> rules) {

    public MonitoringAlertOpened {
        rules = rules == null ? null : List.copyOf(rules);
    }

    /** The version of a warning rule that fired: history keeps the version, whatever the rule says later. */
    public record RuleVersion(String code, int version) {
    }
}
