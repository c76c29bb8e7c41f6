package org.fupin.events.assistance;

import java.util.UUID;

/** Who provides an assistance measure: a helper, a unit or a group. */
public record Provider(String kind, UUID id) {
}
