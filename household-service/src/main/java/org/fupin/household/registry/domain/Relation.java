package org.fupin.household.registry.domain;

/** A member's relation to the head of household (戶主). */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER
}
