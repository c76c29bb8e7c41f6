package org.fupin.reporting.rebuild;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rebuild of the read model by replay, as the admin endpoint shows it. */
@Schema(name = "RebuildRun")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildRun(
        UUID id,
        @Schema(description = "RUNNING, SUCCEEDED or FAILED") String status,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Events read from both topics and applied to the fresh tables so far.") long events,
        @Schema(description = "Records that could never apply (they went to the dead-letter topic when they first came).") long skipped,
        @Schema(description = "Why a FAILED run failed.") String failure) {
}
