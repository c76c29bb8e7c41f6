package org.fupin.events.assistance;

import java.util.List;
import java.util.UUID;

/** {@code war-zone.defined}: a war zone (戰區) of townships was put under a leader. */
public record WarZoneDefined(UUID warZoneId, String name, UUID leaderId, List<String> townshipCodes) {

    public WarZoneDefined {
        townshipCodes = townshipCodes == null ? null : List.copyOf(townshipCodes);
    }
}
