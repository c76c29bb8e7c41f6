package org.fupin.assistance.pairing.domain;

/** Why a pairing ended; the values of the pairing.ended contract. */
public enum EndReason {
    /** Handed over to a replacement helper (脫貧不脫鉤). */
    REPLACED,
    /** The household left the register; set by this service when household-service removes it, never by a caller. */
    HOUSEHOLD_REMOVED,
    HOUSEHOLD_NOT_POOR,
    HELPER_REASSIGNED,
    HELPER_LEFT,
    OTHER
}
