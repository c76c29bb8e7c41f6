package org.fupin.events.assistance;

import java.util.UUID;

/** {@code helper.registered}: a person who helps households (幫扶責任人) was registered; no name, no phone. */
public record HelperRegistered(UUID helperId, UUID unitId, String kind, int maxHouseholds) {
}
