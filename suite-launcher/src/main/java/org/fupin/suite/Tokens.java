package org.fupin.suite;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.security.Roles;
import org.fupin.security.TokenRules;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens for trying the suite by hand: RS256, signed with the suite's key, with the issuer and
 * audience the gateway and the services expect, one role and the region it works in. A role that
 * may span the county gets the suite's county when no region is given; the others must name theirs.
 */
public final class Tokens {

    public static final String ISSUER = "fupin-suite";
    public static final String AUDIENCE = "fupin-api";
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** The roles of the API contract, as the services read them from the {@code groups} claim. */
    public static final List<String> ROLES = Roles.ALL;

    /** The county a token names when none is given: the one README's first steps define. */
    public static final String DEFAULT_COUNTY = "500235";
    /** The purpose an integrator's token names unless told otherwise. */
    public static final String DEFAULT_PURPOSE = "statistics";

    private final Keys keys;

    Tokens(Keys keys) {
        this.keys = keys;
    }

    /**
     * A signed token for the role, scoped to the region; without one, to {@link #DEFAULT_COUNTY} for
     * the roles that may span a county, and to no region for the operator.
     *
     * @throws IllegalArgumentException for a role the API does not know, or a region the role may not hold
     */
    public String mint(String role, String region) {
        return mint(role, region, null);
    }

    /**
     * The same with a declared purpose (用途, the {@code purpose} claim); an integrator's token without one names
     * {@link #DEFAULT_PURPOSE}, the purpose the default privacy policy grants with the least personal data.
     */
    public String mint(String role, String region, String purpose) {
        requireKnown(role);
        region = regionFor(role, region);
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("suite-" + role)
                .claim("name", "Suite " + role)
                .groups(Set.of(role))
                .expiresIn(LIFETIME);
        if (region != null && !region.isBlank()) {
            claims.claim("region", region);
        }
        String declared = purpose != null && !purpose.isBlank() ? purpose.strip()
                : Roles.INTEGRATOR.equals(role) ? DEFAULT_PURPOSE : null;
        if (declared != null) {
            claims.claim("purpose", declared);
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(keys.privateKey());
    }

    /** The region a token of the role names: the given one, checked as the services will check it, or the default. */
    static String regionFor(String role, String region) {
        if (region == null || region.isBlank()) {
            if (Roles.OPERATOR.equals(role)) {
                return null;
            }
            if (TokenRules.regionRefusal(Set.of(role), DEFAULT_COUNTY).isPresent()) {
                throw new IllegalArgumentException("a " + role + " token names the region its holder works in, e.g. ./suite token "
                        + role + (Roles.VILLAGE_CADRE.equals(role) ? " 500235101201" : " 500235101"));
            }
            return DEFAULT_COUNTY;
        }
        Optional<String> refusal = TokenRules.regionRefusal(Set.of(role), region);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException("the services would refuse this token: " + refusal.get());
        }
        return region;
    }

    /** @throws IllegalArgumentException naming the valid roles, for a role the API does not know */
    public static void requireKnown(String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'. Valid roles: " + String.join(", ", ROLES));
        }
    }
}
