package org.fupin.household.cases.service;

import java.util.Set;

/**
 * Who does a step: the token's subject (what the four-eyes rule compares), the name the history
 * shows, and the roles held (recorded, so an inspector sees in which capacity someone acted).
 */
public record Actor(String id, String display, Set<String> roles) {
}
