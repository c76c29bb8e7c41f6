package org.fupin.assistance.ledger.domain;

import org.fupin.problem.ProblemException;

/** Why {@link MeasureRules} refuses a change of a measure, with the status and code the API answers. */
public enum MeasureRefusal {

    NOT_A_HOUSEHOLD_MEASURE(422, "not-a-household-measure"),
    MEASURE_NOT_STARTED(422, "measure-not-started"),
    ALREADY_CONFIRMED(409, "already-confirmed"),
    AMOUNT_CONFIRMED(422, "amount-confirmed"),
    ILLEGAL_STATUS_CHANGE(409, "illegal-status-change");

    private final int status;
    private final String code;

    MeasureRefusal(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public ProblemException problem(String detail) {
        return new ProblemException(status, code, detail);
    }
}
