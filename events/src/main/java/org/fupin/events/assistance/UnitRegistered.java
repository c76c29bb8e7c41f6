package org.fupin.events.assistance;

import java.util.UUID;

/** {@code unit.registered}: a department, enterprise, school or other organisation joined the assistance effort. */
public record UnitRegistered(UUID unitId, String name, String type, UUID groupId) {
}
