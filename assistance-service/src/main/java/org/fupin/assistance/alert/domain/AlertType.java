package org.fupin.assistance.alert.domain;

/** What needs attention. */
public enum AlertType {
    /** A household that still needs a helper (neither REMOVED nor NOT_POOR; 脫貧不脫鉤) has no active helper pairing. */
    UNPAIRED_HOUSEHOLD,
    /** A paired household whose last visit, or whose pairing's start if never visited since, is older than the configured period. */
    OVERDUE_VISIT,
    /** A poor village, or a village with households in poverty or under monitoring, without a resident work team. */
    VILLAGE_WITHOUT_WORK_TEAM,
    /** A household whose latest visit observed a risk of (return to) poverty. */
    RISK_OBSERVED
}
