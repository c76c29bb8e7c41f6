package org.fupin.household.imports.domain;

/** Where an import job is: waiting, being processed, done, or stopped by a failure of the whole file. */
public enum ImportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
