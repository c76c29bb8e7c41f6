package org.fupin.household.monitoring.domain;

/** How a signal arrived: a department's API call or topic record, a helper's visit, an assessment. */
public enum SignalChannel {
    API, TOPIC, VISIT, ASSESSMENT;

    /** Departments' signals, which the rules of {@link SignalRules} check; fupin's own observations need no such check. */
    public boolean fromDepartment() {
        return this == API || this == TOPIC;
    }
}
