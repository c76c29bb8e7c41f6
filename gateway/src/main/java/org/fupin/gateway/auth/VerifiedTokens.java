package org.fupin.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Remembers tokens the gateway has verified, until they expire, so that a client's next requests
 * skip the RSA signature check and the hop to a worker thread it costs. A token is a bearer
 * credential valid until its {@code exp} whoever checks it; remembering the verdict changes no
 * answer. Each service still verifies every token itself.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Who a verified token speaks for, and until when. */
    public record VerifiedCaller(String subject, Set<String> roles, Instant expiresAt) {
    }

    private final Cache<String, VerifiedCaller> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(15, TimeUnit.MINUTES)
            .build();
    private final Clock clock;

    public VerifiedTokens() {
        this(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The caller of a token verified before and not yet expired. */
    public Optional<VerifiedCaller> lookup(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        VerifiedCaller caller = verified.getIfPresent(authorization);
        if (caller == null) {
            return Optional.empty();
        }
        if (!caller.expiresAt().isAfter(clock.instant())) {
            verified.invalidate(authorization);
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    /** Records the verified identity of a token; returns the caller it speaks for. */
    public VerifiedCaller remember(String authorization, SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        Instant expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? Instant.ofEpochSecond(jwt.getExpirationTime()) : clock.instant();
        return remember(authorization, new VerifiedCaller(subject, Set.copyOf(identity.getRoles()), expiresAt));
    }

    VerifiedCaller remember(String authorization, VerifiedCaller caller) {
        if (authorization != null && caller.expiresAt().isAfter(clock.instant())) {
            verified.put(authorization, caller);
        }
        return caller;
    }
}
