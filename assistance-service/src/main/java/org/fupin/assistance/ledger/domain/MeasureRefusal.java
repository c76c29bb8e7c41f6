package org.fupin.assistance.ledger.domain;

import org.fupin.kernel.Refusal;

/** Why {@link MeasureRules} refuses a change of a measure, with its kind and the stable code the API answers. */
public enum MeasureRefusal {

    NOT_A_HOUSEHOLD_MEASURE(Refusal.Kind.UNPROCESSABLE, "not-a-household-measure"),
    MEASURE_NOT_STARTED(Refusal.Kind.UNPROCESSABLE, "measure-not-started"),
    ALREADY_CONFIRMED(Refusal.Kind.CONFLICT, "already-confirmed"),
    AMOUNT_CONFIRMED(Refusal.Kind.UNPROCESSABLE, "amount-confirmed"),
    ILLEGAL_STATUS_CHANGE(Refusal.Kind.CONFLICT, "illegal-status-change");

    private final Refusal.Kind kind;
    private final String code;

    MeasureRefusal(Refusal.Kind kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The refusal with a detail that names the records concerned. */
    public Refusal because(String detail) {
        return new Refusal(kind, code, detail);
    }
}
