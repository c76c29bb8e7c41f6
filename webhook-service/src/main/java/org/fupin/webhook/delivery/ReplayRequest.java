package org.fupin.webhook.delivery;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Send again every event delivered to the subscription that occurred at or after {@code from}. */
@Schema(name = "ReplayRequest")
public record ReplayRequest(
        @NotNull @Schema(description = "RFC 3339; within the delivery log's retention (30 days by default).",
                examples = "2026-12-01T00:00:00Z") Instant from) {
}
