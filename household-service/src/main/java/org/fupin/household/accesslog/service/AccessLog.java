package org.fupin.household.accesslog.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.RequestIds;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records every answer that carries households' personal data (PIPL: a processor must be able to say who
 * accessed whose data, when and why). Written in a transaction of its own before the answer leaves, so a read
 * whose record cannot be written fails (503 while the database is away) instead of going unrecorded.
 */
@ApplicationScoped
public class AccessLog {

    private final EntityManager entityManager;

    public AccessLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The caller as the log names it; take it while the request is in scope. */
    public Reader reader(Caller caller) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        return new Reader(caller.subject(), caller.roles().stream().sorted().toList(), caller.purpose().orElse(null),
                caller.fieldAccess().policy(), requestId == null ? "none" : requestId.toString(),
                caller.region().orElse(null));
    }

    /** Records that {@code caller} was shown personal data of these households; nothing for an empty answer. */
    public void record(Caller caller, AccessKind kind, Collection<UUID> households) {
        record(reader(caller), kind, households);
    }

    public void record(Reader reader, AccessKind kind, Collection<UUID> households) {
        Set<UUID> distinct = new LinkedHashSet<>(households);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into access_log (subject, roles, purpose, policy, request_id, kind, caller_region, household_ids,
                                        household_count)
                values (:subject, cast(:roles as text[]), :purpose, :policy, :requestId, :kind, :region,
                        cast(:households as uuid[]), :count)""")
                .setParameter("subject", reader.subject())
                .setParameter("roles", reader.roles().toArray(String[]::new))
                .setParameter("purpose", reader.purpose())
                .setParameter("policy", reader.policy())
                .setParameter("requestId", reader.requestId())
                .setParameter("kind", kind.name())
                .setParameter("region", reader.region())
                .setParameter("households", distinct.toArray(UUID[]::new))
                .setParameter("count", distinct.size())
                .executeUpdate());
    }
}
