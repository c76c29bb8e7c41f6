package org.fupin.household.monitoring.domain;

/** Who must verify an alert: the household's helper (結對幫扶幹部), else the village's work team (駐村工作隊), else nobody yet. */
public enum AssigneeKind {
    HELPER, WORK_TEAM, NONE
}
