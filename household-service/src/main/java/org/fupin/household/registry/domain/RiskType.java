package org.fupin.household.registry.domain;

/** Why a household is monitored (防返貧監測). */
public enum RiskType {
    UNSTABLE_EXIT, MARGINAL, SUDDEN_HARDSHIP
}
