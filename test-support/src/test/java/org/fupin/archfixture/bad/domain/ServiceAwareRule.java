package org.fupin.archfixture.bad.domain;

import org.fupin.archfixture.bad.service.Registrations;

/** Breaks the rule: a domain class that calls up into the service layer. */
public class ServiceAwareRule {
    public boolean applies() {
        return new Registrations().open();
    }
}
