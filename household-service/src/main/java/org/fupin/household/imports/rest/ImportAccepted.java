package org.fupin.household.imports.rest;

import java.util.UUID;

/** The answer to an accepted import: the job to poll. */
public record ImportAccepted(UUID jobId) {
}
