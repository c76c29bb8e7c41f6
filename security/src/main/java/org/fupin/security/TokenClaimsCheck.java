package org.fupin.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@link TokenRules} to every verified token, in the gateway and in each service: a token
 * whose claims break a rule fails authentication (401), as a badly signed one does.
 */
@ApplicationScoped
public class TokenClaimsCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenClaimsCheck.class);

    private final TokenRules rules;
    private final Clock clock = Clock.systemUTC();

    public TokenClaimsCheck(TokenConfig config) {
        this.rules = new TokenRules(Duration.ofSeconds(config.clockSkewSeconds()), config.maxLifetime());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> refusal = rules.refusal(claimsOf(token, identity.getRoles()), clock.instant());
        if (refusal.isPresent()) {
            LOG.debugf("Token of '%s' refused: %s", token.getSubject(), refusal.get());
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()));
        }
        return Uni.createFrom().item(identity);
    }

    static TokenRules.Claims claimsOf(JsonWebToken token, Set<String> roles) {
        return new TokenRules.Claims(token.getSubject(), roles, regionOf(token), token.getIssuedAtTime(),
                token.getExpirationTime());
    }

    /** The region claim as a string when it is one; any other JSON type is returned as it is, to be refused. */
    public static Object regionOf(JsonWebToken token) {
        Object region = token.getClaim(RegionClaim.NAME);
        return region instanceof JsonString json ? json.getString() : region;
    }
}
