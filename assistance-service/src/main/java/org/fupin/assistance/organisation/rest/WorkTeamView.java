package org.fupin.assistance.organisation.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.persistence.WorkTeamEntity;

/** A resident work team as the API shows it. */
@Schema(name = "WorkTeam")
public record WorkTeamView(UUID id, String villageCode, UUID leaderId, List<UUID> memberIds, LocalDate startDate) {

    static WorkTeamView of(WorkTeamEntity team) {
        return new WorkTeamView(team.id, team.villageCode, team.leaderId, List.copyOf(team.memberIds), team.startDate);
    }
}
