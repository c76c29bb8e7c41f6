package org.fupin.assistance.replica.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.replica.persistence.RegionReplicaEntity;
import org.fupin.platform.security.RegionScope;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/** Checks region codes against the replica of household-service's regions, within the caller's region. */
@ApplicationScoped
public class Regions {

    static final String VILLAGE = "VILLAGE";
    static final String TOWNSHIP = "TOWNSHIP";

    public void requireVillage(String code, RegionScope scope, String field) {
        if (!exists(code, VILLAGE, scope)) {
            throw new ProblemException(422, "unknown-village",
                    "Village " + code + " is not a village of the registry within your region.",
                    List.of(new FieldError(field, "unknown-village", "No such village in your region.")));
        }
    }

    public void requireTownship(String code, RegionScope scope, String field) {
        if (!exists(code, TOWNSHIP, scope)) {
            throw new ProblemException(422, "unknown-township",
                    "Township " + code + " is not a township of the registry within your region.",
                    List.of(new FieldError(field, "unknown-township", "No such township in your region.")));
        }
    }

    private static boolean exists(String code, String level, RegionScope scope) {
        if (code == null || !scope.covers(code)) {
            return false;
        }
        RegionReplicaEntity region = RegionReplicaEntity.findById(code);
        return region != null && level.equals(region.level);
    }
}
