package org.fupin.household.monitoring.domain;

/** The kinds of condition a warning rule can state; a rule version gives the figures. */
public enum WarningCondition {
    /** Income per person (INCOME_DROP, ASSESSMENT) under lineFactor × the poverty line of the signal's year. */
    INCOME_BELOW_LINE,
    /** A medical cost over threshold, or over incomeShare × the household's annual income. */
    MEDICAL_COST,
    /** A disaster loss over threshold. */
    DISASTER_LOSS,
    /** The death or certified disability of the household's only member able to work. */
    LABOURER_LOST,
    /** An assessment with a guarantee failing (兩不愁三保障). */
    GUARANTEE_FAILING,
    /** Any signal of signalKind. */
    SIGNAL_KIND
}
