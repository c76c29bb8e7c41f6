package org.fupin.household.accesslog.domain;

/** What kind of answer carried households' personal data to a caller. */
public enum AccessKind {
    /** One household with its members (or one member), read or returned after a change. */
    RECORD,
    /** A page of a household list. */
    LIST,
    /** A CSV export of a household list. */
    EXPORT,
    /** A household's history of changes. */
    HISTORY,
    /** A monitoring alert or signal naming a person. */
    MONITORING,
    /** Possible duplicates: the review queue, a pair and a decision's answer, and the candidates of a 409 possible-duplicate. */
    DUPLICATES
}
