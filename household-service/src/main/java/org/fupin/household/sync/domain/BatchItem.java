package org.fupin.household.sync.domain;

import java.util.UUID;

import org.fupin.household.registry.domain.Assessment;

/**
 * One write an app made offline: its own id (sending it again is harmless), the household and the version of it the
 * app saw, a digest of the content (the same id with other content is refused), and what to write.
 */
public record BatchItem(UUID clientId, UUID householdId, long baseVersion, String contentHash, Assessment assessment) {

    /** The kinds of write a batch carries. */
    public enum Kind { ASSESSMENT }

    public Kind kind() {
        return Kind.ASSESSMENT;
    }
}
