package org.fupin.platform.web;

import java.security.Principal;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the caller's token subject in the log context ({@code %X{subject}}, the {@code mdc} of a JSON
 * line), so that an operator can follow one account's requests. The subject is an account id: never
 * the token, never a name or an identity number.
 */
public class SubjectInLogs {

    public static final String MDC_KEY = "subject";

    @ServerRequestFilter
    public void identify(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller != null) {
            MDC.put(MDC_KEY, caller.getName());
        }
    }
}
