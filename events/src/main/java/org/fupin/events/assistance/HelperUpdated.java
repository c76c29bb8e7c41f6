package org.fupin.events.assistance;

import java.util.UUID;

/**
 * {@code helper.updated}: a helper's unit, kind or capacity changed; the state after the change,
 * without name or phone (a change of those alone publishes nothing).
 */
public record HelperUpdated(UUID helperId, UUID unitId, String kind, int maxHouseholds) {
}
