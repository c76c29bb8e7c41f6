package org.fupin.suite;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens for trying the suite by hand: RS256, signed with the suite's key, with the issuer and
 * audience the gateway and the services expect, one role and an optional region scope.
 */
public final class Tokens {

    public static final String ISSUER = "fupin-suite";
    public static final String AUDIENCE = "fupin-api";
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** The roles of the API contract, as the services read them from the {@code groups} claim. */
    public static final List<String> ROLES = List.of(
            "county-admin", "township-officer", "village-cadre", "assistance-officer", "analyst", "integrator", "auditor");

    private final Keys keys;

    Tokens(Keys keys) {
        this.keys = keys;
    }

    /**
     * A signed token for the role, scoped to the region (the code of a township or village) when one is given.
     *
     * @throws IllegalArgumentException for a role the API does not know
     */
    public String mint(String role, String region) {
        requireKnown(role);
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("suite-" + role)
                .claim("name", "Suite " + role)
                .groups(Set.of(role))
                .expiresIn(LIFETIME);
        if (region != null && !region.isBlank()) {
            claims.claim("region", region);
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(keys.privateKey());
    }

    /** @throws IllegalArgumentException naming the valid roles, for a role the API does not know */
    public static void requireKnown(String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'. Valid roles: " + String.join(", ", ROLES));
        }
    }
}
