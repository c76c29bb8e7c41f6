package org.fupin.assistance.ledger.domain;

/** Who provides a measure: a helper, a unit or an assistance group. */
public enum ProviderKind {
    HELPER, UNIT, GROUP
}
