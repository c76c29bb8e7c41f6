package org.fupin.household.imports.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.imports.domain.ImportStatus;
import org.fupin.household.imports.persistence.ImportJobEntity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An import job as its owner polls it. */
@Schema(name = "ImportJob")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(
        UUID jobId,
        ImportStatus status,
        String fileName,
        @Schema(description = "Data rows (one per member) in the file.") int total,
        @Schema(description = "Data rows handled so far; equals total when the job is COMPLETED.") int processed,
        @Schema(description = "Households registered.") int succeeded,
        @Schema(description = "Households skipped because at least one of their rows was rejected.") int failed,
        @Schema(description = "Rejected rows and cells found.") int errorCount,
        @Schema(description = "True when errors lists fewer than errorCount; page through all of them at .../errors.") boolean errorsTruncated,
        @Schema(description = "The first rejected rows in row order (at most 1,000).") List<ImportErrorView> errors,
        @Schema(description = "Why a FAILED job stopped.") String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    static ImportJobView of(ImportJobEntity job, List<ImportErrorView> errors) {
        return new ImportJobView(job.id, job.status, job.fileName, job.total, job.processed, job.succeeded, job.failed,
                job.errorCount, errors.size() < job.errorCount, errors, job.errorMessage, job.createdAt, job.startedAt,
                job.finishedAt);
    }
}
