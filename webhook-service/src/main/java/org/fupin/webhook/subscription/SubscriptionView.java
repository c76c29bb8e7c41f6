package org.fupin.webhook.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner sees it; the secret is never shown again after creation. */
@Schema(name = "Subscription")
public record SubscriptionView(
        UUID id,
        String url,
        List<String> eventTypes,
        @Schema(description = "The region whose events it receives; empty for every region.") String region,
        @Schema(nullable = true) String description,
        @Schema(description = "ACTIVE; SUSPENDED after a day of failed deliveries or a target no longer allowed (events "
                + "still queue up; reactivate to resume).", enumeration = { "ACTIVE", "SUSPENDED" }) String status,
        @Schema(description = "Why deliveries stopped, for the owner to act on; null when active.", nullable = true) String suspendedReason,
        @Schema(nullable = true) Instant suspendedAt,
        @Schema(description = "The token subject that owns it.") String owner,
        @Schema(description = "Deliveries include only events that occurred after this.") Instant createdAt,
        @Schema(description = "Who made it: the owner, or a county admin on its behalf.") String createdBy) {

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.url().toString(), s.eventTypes(), s.regionCode(), s.description(), s.status().name(),
                s.suspendedReason(), s.suspendedAt(), s.owner(), s.createdAt(), s.createdBy());
    }
}
