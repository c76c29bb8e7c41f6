package org.fupin.reporting.monitoring;

import java.util.List;

/**
 * The values the monitoring events name (their JSON Schemas' enums), so that the report lists each with its
 * count, zero included, and a dashboard or an import sees the same keys every day.
 */
final class MonitoringCodes {

    static final List<String> SIGNAL_KINDS = List.of("MEDICAL_EXPENSE", "DISASTER_LOSS", "DEATH", "DISABILITY_CERTIFIED",
            "JOB_LOSS", "INCOME_DROP", "SUBSISTENCE_GRANTED", "SERIOUS_ILLNESS", "RISK_OBSERVED", "ASSESSMENT");

    static final List<String> DEPARTMENTS = List.of("MEDICAL_INSURANCE", "CIVIL_AFFAIRS", "DISABLED_PERSONS_FEDERATION",
            "EMERGENCY_MANAGEMENT", "HUMAN_RESOURCES", "EDUCATION", "HOUSING", "AGRICULTURE", "HEALTH", "OTHER", "FUPIN");

    static final List<String> SIGNAL_OUTCOMES = List.of("UNKNOWN_PERSON", "NOT_MONITORED", "NO_WARNING", "ALERT_OPENED",
            "ALERT_JOINED");

    /** 脫貧不穩定戶, 邊緣易致貧戶, 突發嚴重困難戶. */
    static final List<String> RISK_TYPES = List.of("UNSTABLE_EXIT", "MARGINAL", "SUDDEN_HARDSHIP");

    static final String UNKNOWN_PERSON = "UNKNOWN_PERSON";

    private MonitoringCodes() {
    }
}
