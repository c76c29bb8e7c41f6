package org.fupin.platform.inbox;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How current a consumer's view is: the time of the newest event it applied, and how long after
 * that event was published it was applied. Both absent before the first event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Freshness(Instant lastEventAt, Long lagMillis) {

    public static Freshness none() {
        return new Freshness(null, null);
    }

    public static Freshness of(Instant eventTime, Instant appliedAt) {
        return new Freshness(eventTime, Math.max(0, Duration.between(eventTime, appliedAt).toMillis()));
    }
}
