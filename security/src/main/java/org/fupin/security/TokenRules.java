package org.fupin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token's claims must say before anything is done on its behalf, beyond its signature,
 * issuer, audience and expiry (which the JWT library checks). Every rule fails closed: a claim that
 * is missing, empty, of the wrong type or out of range refuses the whole token, so that no reading
 * of a strange claim can widen what a caller may see.
 *
 * <ul>
 * <li>{@code sub} names someone: history, four-eyes checks and rate limits rest on it.</li>
 * <li>{@code iat} is present and not in the future beyond the clock skew, and {@code exp - iat}
 * does not exceed the longest lifetime the deployment accepts.</li>
 * <li>{@code region} is a string holding a region code (6, 9 or 12 digits: county, township,
 * village) of a level each role of the token may hold; only the county-level roles may name the
 * whole county, and only the operator may go without one.</li>
 * </ul>
 */
public final class TokenRules {

    /** Region levels by the length of their codes. */
    public enum Level {
        COUNTY(6), TOWNSHIP(9), VILLAGE(12);

        private final int codeLength;

        Level(int codeLength) {
            this.codeLength = codeLength;
        }

        public int codeLength() {
            return codeLength;
        }

        static Optional<Level> of(String code) {
            for (Level level : values()) {
                if (level.codeLength == code.length()) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    /** Subjects are stored in history, idempotency records and rate-limit buckets; none is longer. */
    public static final int MAX_SUBJECT = 255;

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}(\\d{3}){0,2}");
    private static final Set<Level> ANY_LEVEL = Set.of(Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE);

    /**
     * The levels of region each role may hold. County-level work (administration, the assistance
     * office, analysis, integration, audit) may span the county; a township officer works in one
     * township and a village cadre in one village. The operator is absent: it needs no region.
     */
    static final Map<String, Set<Level>> REGION_LEVELS = Map.of(
            Roles.COUNTY_ADMIN, Set.of(Level.COUNTY),
            Roles.TOWNSHIP_OFFICER, Set.of(Level.TOWNSHIP),
            Roles.VILLAGE_CADRE, Set.of(Level.VILLAGE),
            Roles.ASSISTANCE_OFFICER, ANY_LEVEL,
            Roles.ANALYST, ANY_LEVEL,
            Roles.INTEGRATOR, ANY_LEVEL,
            Roles.AUDITOR, ANY_LEVEL);

    /** The claims the rules read, as the token holds them (any JSON type). */
    public record Claims(String subject, Set<String> roles, Object region, long issuedAt, long expiresAt) {
    }

    private final Duration clockSkew;
    private final Duration maxLifetime;

    public TokenRules(Duration clockSkew, Duration maxLifetime) {
        this.clockSkew = clockSkew;
        this.maxLifetime = maxLifetime;
    }

    /** Why the token must be refused, or empty when its claims are acceptable. */
    public Optional<String> refusal(Claims claims, Instant now) {
        if (claims.subject() == null || claims.subject().isBlank()) {
            return Optional.of("the token names no subject (sub)");
        }
        if (claims.subject().length() > MAX_SUBJECT) {
            return Optional.of("the token's subject is longer than " + MAX_SUBJECT + " characters");
        }
        if (claims.issuedAt() <= 0) {
            return Optional.of("the token has no issue time (iat)");
        }
        if (Instant.ofEpochSecond(claims.issuedAt()).isAfter(now.plus(clockSkew))) {
            return Optional.of("the token was issued in the future (iat)");
        }
        if (claims.expiresAt() - claims.issuedAt() > maxLifetime.toSeconds()) {
            return Optional.of("the token lives longer than " + maxLifetime + " (exp - iat)");
        }
        return regionRefusal(claims.roles(), claims.region());
    }

    /** Why a region claim does not fit the roles, or empty when it does; also used to mint tokens. */
    public static Optional<String> regionRefusal(Set<String> roles, Object region) {
        if (region == null) {
            return roles.stream().anyMatch(REGION_LEVELS::containsKey)
                    ? Optional.of("the token has no region claim, which its roles need")
                    : Optional.empty();
        }
        if (!(region instanceof String code) || !REGION_CODE.matcher(code).matches()) {
            return Optional.of("the region claim is not a region code (a string of 6, 9 or 12 digits)");
        }
        Level level = Level.of(code).orElseThrow();
        for (String role : roles) {
            Set<Level> allowed = REGION_LEVELS.get(role);
            if (allowed != null && !allowed.contains(level)) {
                return Optional.of("a " + role + " may not hold a region of level " + level);
            }
        }
        return Optional.empty();
    }
}
