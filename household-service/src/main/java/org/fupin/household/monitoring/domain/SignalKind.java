package org.fupin.household.monitoring.domain;

/**
 * What a signal reports. Departments send the first kinds; RISK_OBSERVED (a helper's visit) and ASSESSMENT (an
 * assessment of the household) are the cadres' own observations and come only from fupin itself.
 */
public enum SignalKind {
    /** 醫保: out-of-pocket medical costs; amount in yuan. */
    MEDICAL_EXPENSE(true),
    /** 應急管理: a disaster loss; amount in yuan. */
    DISASTER_LOSS(true),
    /** 民政: a member died. */
    DEATH(false),
    /** 殘聯: a member's disability certified. */
    DISABILITY_CERTIFIED(false),
    /** 人社: a member lost the job. */
    JOB_LOSS(false),
    /** The household's income fell; amount is its annual income per person afterwards, in yuan. */
    INCOME_DROP(true),
    /** 民政: subsistence allowance (低保) granted. */
    SUBSISTENCE_GRANTED(false),
    /** 衛健: a member diagnosed with a serious illness (大病). */
    SERIOUS_ILLNESS(false),
    /** A helper's visit observed a risk (返貧風險). */
    RISK_OBSERVED(false),
    /** An assessment: amount is the income per person it found. */
    ASSESSMENT(true);

    private final boolean needsAmount;

    SignalKind(boolean needsAmount) {
        this.needsAmount = needsAmount;
    }

    public boolean needsAmount() {
        return needsAmount;
    }

    /** Only fupin's own cadres observe these; a department may not send them. */
    public boolean internal() {
        return this == RISK_OBSERVED || this == ASSESSMENT;
    }
}
