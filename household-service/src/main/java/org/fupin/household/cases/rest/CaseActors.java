package org.fupin.household.cases.rest;

import org.fupin.household.cases.service.Actor;
import org.fupin.platform.security.Caller;

/** The caller as the one doing a step of a case. */
public final class CaseActors {

    private CaseActors() {
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.actor(), caller.roles());
    }
}
