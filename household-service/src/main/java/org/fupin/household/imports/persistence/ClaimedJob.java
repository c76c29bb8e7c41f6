package org.fupin.household.imports.persistence;

import java.nio.file.Path;
import java.util.UUID;

/** What a worker needs to run a job it has claimed. */
public record ClaimedJob(UUID id, String actor, String regionScope, Path file) {
}
