package org.fupin.assistance.organisation.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.persistence.GroupEntity;

/** An assistance group (幫扶集團) as the API shows it. */
@Schema(name = "AssistanceGroup")
public record GroupView(UUID id, String name, String regionCode, Instant createdAt) {

    static GroupView of(GroupEntity group) {
        return new GroupView(group.id, group.name, group.regionCode, group.createdAt);
    }
}
