package org.fupin.household.accesslog.rest;

import java.util.List;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.duplicates.service.DuplicateCheck;
import org.fupin.platform.security.Caller;
import org.fupin.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A 409 possible-duplicate names the registered people a registration may duplicate, as the privacy policy lets the
 * caller see them: it is a read of their households' personal data and goes into the access log like any other,
 * before it leaves (the registration itself was rolled back; the log writes in a transaction of its own).
 */
public class CandidatesAccessLog {

    private final AccessLog accessLog;
    private final Caller caller;

    public CandidatesAccessLog(AccessLog accessLog, Caller caller) {
        this.accessLog = accessLog;
        this.caller = caller;
    }

    @ServerResponseFilter
    public void recordCandidates(ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.candidates() != null && !problem.candidates().isEmpty()) {
            List<java.util.UUID> households = problem.candidates().stream().filter(DuplicateCheck.Shown.class::isInstance)
                    .map(candidate -> ((DuplicateCheck.Shown) candidate).householdId()).toList();
            accessLog.record(caller, AccessKind.DUPLICATES, households);
        }
    }
}
