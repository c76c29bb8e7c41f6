package org.fupin.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PrivacyPolicy;
import org.fupin.security.RegionClaim;
import org.fupin.security.RegionScope;

/**
 * Who is calling, read from the verified token: subject, roles and region scope. The region claim
 * is the code of the region the caller may see; a record is in scope when its region code starts
 * with it. {@code TokenClaimsCheck} has refused every token whose region does not fit its roles;
 * a token without a region (the operator's) sees no record.
 */
@RequestScoped
public class Caller {

    /** Display names longer than this are cut in history. */
    private static final int MAX_NAME = 100;

    private final JsonWebToken token;
    private final PrivacyPolicy privacy;
    private FieldAccess fieldAccess;

    public Caller(JsonWebToken token, PrivacyPolicy privacy) {
        this.token = token;
        this.privacy = privacy;
    }

    public String subject() {
        return token.getSubject() == null ? "anonymous" : token.getSubject();
    }

    /**
     * The bearer token as the caller sent it, for a call this service makes to another on the caller's behalf: the
     * other service checks it again and applies the caller's own scope and masks. Never logged, never stored.
     */
    public String bearerToken() {
        return token.getRawToken();
    }

    /**
     * The actor recorded in history: the subject, with the display name when the token has one as
     * text (a name of another JSON type is left out; it is a label, not a credential).
     */
    public String actor() {
        String name = textClaim("name");
        if (name == null || name.isBlank()) {
            return subject();
        }
        return subject() + " (" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name) + ")";
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public Optional<String> region() {
        return RegionClaim.of(token);
    }

    public RegionScope scope() {
        return region().map(RegionScope::of).orElse(RegionScope.none());
    }

    /** The purpose an integrator's client was granted (用途), from the token's {@code purpose} claim. */
    public Optional<String> purpose() {
        String purpose = textClaim(PrivacyPolicy.PURPOSE_CLAIM);
        return purpose == null || purpose.isBlank() ? Optional.empty() : Optional.of(purpose.strip());
    }

    /**
     * What the caller may see of each personal field, by the privacy policy for its roles and purpose;
     * a 403 for a role that must name a granted purpose and does not.
     */
    public FieldAccess fieldAccess() {
        if (fieldAccess == null) {
            fieldAccess = privacy.accessFor(roles(), purpose(), scope());
        }
        return fieldAccess;
    }

    /** A claim given as text; null when absent or of another JSON type. */
    private String textClaim(String name) {
        Object claim = token.getClaim(name);
        return claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
    }
}
