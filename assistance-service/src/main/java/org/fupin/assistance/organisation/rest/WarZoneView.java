package org.fupin.assistance.organisation.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.persistence.WarZoneEntity;

/** A war zone as the API shows it. */
@Schema(name = "WarZone")
public record WarZoneView(UUID id, String name, UUID leaderId, List<String> townshipCodes) {

    static WarZoneView of(WarZoneEntity zone) {
        return new WarZoneView(zone.id, zone.name, zone.leaderId, List.copyOf(zone.townshipCodes));
    }
}
