package org.fupin.household.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The duplicate check's settings. */
@ConfigMapping(prefix = "fupin.duplicates")
public interface DuplicatesConfig {

    /** Whether a completed import queues a scan of its region (the import benchmark turns it off). */
    @WithDefault("true")
    boolean scanAfterImport();
}
