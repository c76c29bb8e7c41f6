package org.fupin.assistance.ledger.domain;

/** Kinds of assistance, e.g. industry (產業扶貧) or relocation (易地搬遷). */
public enum MeasureType {
    INDUSTRY, EMPLOYMENT, TECHNOLOGY, COMMERCE, PUBLIC_WELFARE, EDUCATION, HEALTH, HOUSING, RELOCATION, SOCIAL_SECURITY,
    ECOLOGICAL, INFRASTRUCTURE, MICROCREDIT
}
