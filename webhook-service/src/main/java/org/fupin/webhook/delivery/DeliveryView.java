package org.fupin.webhook.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one subscription, as its delivery log shows it. */
@Schema(name = "Delivery")
public record DeliveryView(
        @Schema(description = "The event's id: the webhook-id header of every attempt.") String eventId,
        String eventType,
        @Schema(description = "When the event occurred (its CloudEvents time).") Instant occurredAt,
        @Schema(description = "PENDING (waiting, being sent or retried) or DELIVERED (a receiver answered 2xx).",
                enumeration = { "PENDING", "DELIVERED" }) String status,
        int attempts,
        @Schema(description = "The HTTP status of the last attempt; null when none answered.", nullable = true) Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed; null when it did not, or none was made.", nullable = true) String lastError,
        @Schema(description = "How long the last attempt took, in milliseconds.", nullable = true) Integer lastLatencyMs,
        @Schema(description = "When the next attempt is due; null once delivered.", nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) Instant deliveredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Every attempt, oldest first: only when one delivery is read.") List<AttemptView> attemptLog) {

    /** One attempt. */
    @Schema(name = "DeliveryAttempt")
    public record AttemptView(Instant attemptedAt,
            @Schema(description = "null when the receiver did not answer", nullable = true) Integer statusCode,
            @Schema(description = "null when the attempt succeeded", nullable = true) String error,
            int latencyMs) {
    }
}
