package org.fupin.assistance.organisation.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.domain.UnitType;
import org.fupin.assistance.organisation.persistence.UnitEntity;

/** A unit (幫扶單位) as the API shows it. */
@Schema(name = "Unit")
public record UnitView(UUID id, String name, UnitType type, @Schema(nullable = true) UUID groupId, String regionCode) {

    static UnitView of(UnitEntity unit) {
        return new UnitView(unit.id, unit.name, unit.type, unit.groupId, unit.regionCode);
    }
}
