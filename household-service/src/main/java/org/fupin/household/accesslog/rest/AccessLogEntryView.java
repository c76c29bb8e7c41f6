package org.fupin.household.accesslog.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLogQueries;
import org.fupin.platform.listing.Csv;

/** One entry of the access log: who was shown which households' personal data, when, why and in which request. */
@Schema(name = "AccessLogEntry")
public record AccessLogEntryView(
        long id,
        Instant at,
        @Schema(description = "The caller: the token's subject.") String subject,
        List<String> roles,
        @Schema(description = "The purpose the caller's token named (integrators).", nullable = true) String purpose,
        @Schema(description = "The privacy policy rows applied, e.g. integrator/statistics.") String policy,
        String requestId,
        AccessKind kind,
        @Schema(description = "The region the caller works in.", nullable = true) String callerRegion,
        int householdCount,
        @Schema(description = "The households shown; in a list of entries at most the first 100 (see householdCount); "
                + "the entry alone, or the CSV export, lists them all.")
        List<UUID> householdIds) {

    static final Csv<AccessLogEntryView> CSV = Csv.of(AccessLogEntryView.class)
            .column("id", AccessLogEntryView::id)
            .column("at", AccessLogEntryView::at)
            .column("subject", AccessLogEntryView::subject)
            .column("roles", e -> String.join("|", e.roles()))
            .column("purpose", AccessLogEntryView::purpose)
            .column("policy", AccessLogEntryView::policy)
            .column("requestId", AccessLogEntryView::requestId)
            .column("kind", AccessLogEntryView::kind)
            .column("callerRegion", AccessLogEntryView::callerRegion)
            .column("householdCount", AccessLogEntryView::householdCount)
            .column("householdIds", e -> String.join("|", e.householdIds().stream().map(UUID::toString).toList()));

    static AccessLogEntryView of(AccessLogQueries.Entry e) {
        return new AccessLogEntryView(e.id(), e.at(), e.subject(), e.roles(), e.purpose(), e.policy(), e.requestId(), e.kind(),
                e.callerRegion(), e.householdCount(), e.householdIds());
    }
}
