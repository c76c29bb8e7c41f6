package org.fupin.household.cases.domain;

/** Where a case stands as a whole: going on, stopped by an objection, or ended with a decision. */
public enum CaseStatus {
    /** At its current stage. */
    OPEN,
    /** Stopped during a notice until the township records its finding on the objection. */
    OBJECTED,
    /** The county approved; the household's status changed on the announcement's date. */
    APPROVED,
    /** The county rejected it. */
    REJECTED,
    /** Ended on the way: the verifier disagreed, the household refused, or an objection was upheld. */
    STOPPED,
    /** Withdrawn by the village or the township before a decision. */
    WITHDRAWN;

    public boolean isClosed() {
        return this != OPEN && this != OBJECTED;
    }
}
