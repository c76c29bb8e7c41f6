package org.fupin.assistance.replica.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.fupin.assistance.replica.persistence.HouseholdReplicaEntity;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * What the API may rely on about a household: that the replica knows it, inside the caller's
 * region. A household outside the region is answered exactly like an unknown one.
 */
@ApplicationScoped
public class HouseholdFacts {

    /** The status that ends a household's pairing by itself and refuses new ones. */
    public static final String REMOVED = "REMOVED";

    /** A household as this service knows it. */
    public record Household(UUID id, String villageCode, String status) {

        public boolean removed() {
            return REMOVED.equals(status);
        }
    }

    public Household require(UUID id, RegionScope scope, String field) {
        return of(HouseholdReplicaEntity.findById(id), id, scope, field);
    }

    /**
     * Like {@link #require} and locks the household's replica row until the transaction ends, so
     * that two pairings of one household, or a pairing and the household's removal, run one after
     * the other. Every pairing transaction locks the household before the helper: one order, no deadlock.
     */
    public Household lock(UUID id, RegionScope scope, String field) {
        return of(HouseholdReplicaEntity.findById(id, LockModeType.PESSIMISTIC_WRITE), id, scope, field);
    }

    private static Household of(HouseholdReplicaEntity row, UUID id, RegionScope scope, String field) {
        if (row == null || !scope.covers(row.villageCode)) {
            throw unknown(id, field);
        }
        return new Household(row.householdId, row.villageCode, row.status);
    }

    /** The answer for a household this service does not know (yet) or the caller may not see. */
    public static Refusal unknown(UUID id, String field) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown-household",
                "Household " + id + " is not known here within your region. A household registered moments ago may not "
                        + "have arrived yet: household-service publishes it within seconds, so retry shortly.",
                List.of(new Violation(field, "unknown-household", "No such household in your region (yet).")), id);
    }
}
