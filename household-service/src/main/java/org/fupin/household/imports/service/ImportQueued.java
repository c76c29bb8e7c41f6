package org.fupin.household.imports.service;

import java.util.UUID;

/** Fired when a job is queued; observed after commit to wake this instance's worker. */
public record ImportQueued(UUID jobId) {
}
