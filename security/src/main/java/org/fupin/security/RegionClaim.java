package org.fupin.security;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The token's {@code region} claim: the code of the region its holder works in. */
public final class RegionClaim {

    public static final String NAME = "region";

    private RegionClaim() {
    }

    /**
     * The region of a token {@link TokenClaimsCheck} accepted: a region code, or empty for a token
     * without one (the operator's). Anything else cannot reach here; it is refused all the same.
     */
    public static Optional<String> of(JsonWebToken token) {
        Object region = TokenClaimsCheck.regionOf(token);
        if (region == null) {
            return Optional.empty();
        }
        if (region instanceof String code && TokenRules.regionRefusal(java.util.Set.of(), code).isEmpty()) {
            return Optional.of(code);
        }
        throw new io.quarkus.security.AuthenticationFailedException("the region claim is not a region code");
    }
}
