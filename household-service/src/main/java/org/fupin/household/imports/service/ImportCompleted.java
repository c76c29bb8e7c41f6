package org.fupin.household.imports.service;

import java.util.UUID;

/**
 * Fired when an import job has completed, after its end is recorded: what the import brought in may duplicate
 * people already registered (an import is not checked row by row against the register), so the duplicates feature
 * scans the job's region.
 */
public record ImportCompleted(UUID jobId, String actor, String region) {
}
