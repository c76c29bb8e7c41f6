package org.fupin.household.registry.domain;

/**
 * What changes a household's status. FLAG_RISK and CLEAR_RISK are monitoring, done by
 * {@code POST /households/{id}/transitions}; the others are decisions, taken by the county's approval
 * of a case (兩公示一公告) and recorded with these names in history and events.
 */
public enum Action {
    /** Propose exit (擬退出). Until cases, it opened a public notice; households still EXIT_PENDING from then exit by an EXIT case. */
    PROPOSE_EXIT("EXIT"),
    /** Until cases, an objection during the notice sent the household back to POOR; objections are now filed on the case. */
    OBJECT("EXIT"),
    /** The exit (脫貧), decided by an EXIT case. */
    CONFIRM_EXIT("EXIT"),
    /** Start monitoring an exited household at risk (防返貧監測). */
    FLAG_RISK(null),
    /** End monitoring. */
    CLEAR_RISK(null),
    /** Return to poverty (返貧), decided by a RETURN case. */
    RETURN_TO_POVERTY("RETURN"),
    /** Identified as poor (識別), decided by an IDENTIFY case. */
    IDENTIFY("IDENTIFY"),
    /** Removal from the register (清退), decided by a REMOVE case. */
    REMOVE("REMOVE");

    private final String caseKind;

    Action(String caseKind) {
        this.caseKind = caseKind;
    }

    /** The kind of case that decides this action; null for monitoring, which is a transition of its own. */
    public String caseKind() {
        return caseKind;
    }

    public boolean decidedByCase() {
        return caseKind != null;
    }
}
