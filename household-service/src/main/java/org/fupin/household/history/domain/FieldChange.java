package org.fupin.household.history.domain;

/** One field of a change: its path (e.g. status, members[<id>].health) and the values before and after. */
public record FieldChange(String field, Object from, Object to) {
}
