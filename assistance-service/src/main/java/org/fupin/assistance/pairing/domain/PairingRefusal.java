package org.fupin.assistance.pairing.domain;

import org.fupin.kernel.Refusal;

/** Why {@link PairingPolicy} refuses a pairing operation, with its kind and the stable code the API answers. */
public enum PairingRefusal {

    HOUSEHOLD_REMOVED(Refusal.Kind.UNPROCESSABLE, "household-removed"),
    HOUSEHOLD_ALREADY_PAIRED(Refusal.Kind.CONFLICT, "household-already-paired"),
    HELPER_CAPACITY_EXCEEDED(Refusal.Kind.UNPROCESSABLE, "helper-capacity-exceeded"),
    ALREADY_PAIRED(Refusal.Kind.CONFLICT, "already-paired"),
    PAIRING_REQUIRED(Refusal.Kind.UNPROCESSABLE, "pairing-required"),
    REPLACEMENT_IS_CURRENT_HELPER(Refusal.Kind.UNPROCESSABLE, "replacement-is-current-helper"),
    PAIRING_ALREADY_ENDED(Refusal.Kind.CONFLICT, "pairing-already-ended");

    private final Refusal.Kind kind;
    private final String code;

    PairingRefusal(Refusal.Kind kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    public Refusal.Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The refusal with a detail that names the records concerned. */
    public Refusal because(String detail) {
        return new Refusal(kind, code, detail);
    }
}
