package org.fupin.assistance.pairing.domain;

import org.fupin.problem.ProblemException;

/** Why {@link PairingPolicy} refuses a pairing operation, with the status and code the API answers. */
public enum PairingRefusal {

    HOUSEHOLD_REMOVED(422, "household-removed"),
    HOUSEHOLD_ALREADY_PAIRED(409, "household-already-paired"),
    HELPER_CAPACITY_EXCEEDED(422, "helper-capacity-exceeded"),
    ALREADY_PAIRED(409, "already-paired"),
    PAIRING_REQUIRED(422, "pairing-required"),
    REPLACEMENT_IS_CURRENT_HELPER(422, "replacement-is-current-helper"),
    PAIRING_ALREADY_ENDED(409, "pairing-already-ended");

    private final int status;
    private final String code;

    PairingRefusal(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ProblemException problem(String detail) {
        return new ProblemException(status, code, detail);
    }
}
