package org.fupin.assistance.organisation.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.service.WorkTeams;

/** The body of {@code POST /api/v1/work-teams}: a resident work team (駐村工作隊) for a village. */
@Schema(name = "WorkTeamRequest")
public record WorkTeamRequest(
        @NotBlank @Pattern(regexp = "\\d{12}") @Schema(examples = "500235101201") String villageCode,
        @NotNull @Schema(description = "The helper who leads the team (第一書記).") UUID leaderId,
        @Size(max = 30) @Schema(description = "The other helpers of the team; the leader is not repeated here.")
        List<@NotNull UUID> memberIds,
        @Schema(description = "Default today; not in the future.") LocalDate startDate) {

    WorkTeams.NewWorkTeam toDomain() {
        return new WorkTeams.NewWorkTeam(villageCode, leaderId, memberIds, startDate);
    }
}
