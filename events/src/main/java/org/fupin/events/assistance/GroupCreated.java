package org.fupin.events.assistance;

import java.util.UUID;

/** {@code group.created}: an assistance group (幫扶集團) of units was formed. */
public record GroupCreated(UUID groupId, String name) {
}
