package org.fupin.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fupin.problem.ProblemException;

/**
 * Who is calling, read from the verified token: subject, roles and region scope. The region claim
 * is the code of the region the caller may see; a record is in scope when its region code starts
 * with it. No region claim means the whole county.
 */
@RequestScoped
public class Caller {

    public static final String REGION_CLAIM = "region";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject() == null ? "anonymous" : token.getSubject();
    }

    /** The actor recorded in history: the subject, with the display name when the token has one. */
    public String actor() {
        String name = token.getClaim("name");
        return name == null || name.isBlank() ? subject() : subject() + " (" + name + ")";
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public Optional<String> region() {
        String region = token.getClaim(REGION_CLAIM);
        return region == null || region.isBlank() ? Optional.empty() : Optional.of(region);
    }

    public RegionScope scope() {
        return RegionScope.of(region().orElse(null));
    }

    /**
     * Fails with 404, the same answer as for a record that does not exist, when the region code
     * is outside the caller's scope: whether the record exists must not leak.
     */
    public void requireInScope(String regionCode, String what) {
        if (!scope().covers(regionCode)) {
            throw ProblemException.notFound(what);
        }
    }

    /** ID numbers are shown in full only to county admins and to officers working in scope. */
    public boolean maySeeIdNumbers(String regionCode) {
        return idNumberAccess().shows(regionCode);
    }

    public IdNumberAccess idNumberAccess() {
        return new IdNumberAccess(hasRole(Roles.COUNTY_ADMIN),
                hasRole(Roles.TOWNSHIP_OFFICER) || hasRole(Roles.VILLAGE_CADRE), scope());
    }
}
