package org.fupin.webhook.delivery;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay queued. */
@Schema(name = "ReplayResult")
public record ReplayResult(Instant from,
        @Schema(description = "Deliveries queued again; they go out in their original order, with their original webhook-id.")
        int requeued) {
}
