package org.fupin.household.imports.service;

import java.nio.file.Path;

/** An uploaded import file on this instance's disk: where, its SHA-256 (hex) and its number of data rows. */
public record SpooledFile(Path path, String sha256, long rows) {
}
