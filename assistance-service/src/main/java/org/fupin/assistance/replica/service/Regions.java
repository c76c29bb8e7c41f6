package org.fupin.assistance.replica.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.replica.persistence.RegionReplicaEntity;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/** Checks region codes against the replica of household-service's regions, within the caller's region. */
@ApplicationScoped
public class Regions {

    static final String VILLAGE = "VILLAGE";
    static final String TOWNSHIP = "TOWNSHIP";

    public void requireVillage(String code, RegionScope scope, String field) {
        if (!exists(code, VILLAGE, scope)) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown-village",
                    "Village " + code + " is not a village of the registry within your region.",
                    List.of(new Violation(field, "unknown-village", "No such village in your region.")));
        }
    }

    public void requireTownship(String code, RegionScope scope, String field) {
        if (!exists(code, TOWNSHIP, scope)) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown-township",
                    "Township " + code + " is not a township of the registry within your region.",
                    List.of(new Violation(field, "unknown-township", "No such township in your region.")));
        }
    }

    /** A region of any level the registry knows, within the caller's region; returns its code. */
    public String requireRegion(String code, RegionScope scope, String field) {
        if (code == null || !scope.covers(code) || RegionReplicaEntity.findById(code) == null) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown-region",
                    "Region " + code + " is not a region of the registry within your region. A region defined moments ago "
                            + "may not have arrived yet: household-service publishes it within seconds, so retry shortly.",
                    List.of(new Violation(field, "unknown-region", "No such region in your region.")));
        }
        return code;
    }

    private static boolean exists(String code, String level, RegionScope scope) {
        if (code == null || !scope.covers(code)) {
            return false;
        }
        RegionReplicaEntity region = RegionReplicaEntity.findById(code);
        return region != null && level.equals(region.level);
    }
}
