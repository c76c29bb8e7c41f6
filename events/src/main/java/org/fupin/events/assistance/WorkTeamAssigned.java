package org.fupin.events.assistance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code work-team.assigned}: a resident work team (駐村工作隊) led by a 第一書記 was sent to a village. */
public record WorkTeamAssigned(UUID workTeamId, String villageCode, UUID leaderId, List<UUID> memberIds,
        LocalDate startDate) {

    public WorkTeamAssigned {
        memberIds = memberIds == null ? null : List.copyOf(memberIds);
    }
}
