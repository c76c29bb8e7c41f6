package org.fupin.household.registry.domain;

/** The actions of {@code POST /households/{id}/transitions}. */
public enum Action {
    /** Propose exit (擬退出): opens the public notice (公示). */
    PROPOSE_EXIT,
    /** An objection raised during the public notice sends the household back to POOR. */
    OBJECT,
    /** Confirm the exit (脫貧) once the notice has ended. */
    CONFIRM_EXIT,
    /** Start monitoring an exited household at risk (防返貧監測). */
    FLAG_RISK,
    /** End monitoring. */
    CLEAR_RISK,
    /** Return to poverty (返貧). */
    RETURN_TO_POVERTY,
    /** Identified as poor (識別) by a county's approval of an IDENTIFY case; never a transition of its own. */
    IDENTIFY,
    /** Remove from the register (清退). */
    REMOVE
}
