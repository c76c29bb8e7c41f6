package org.fupin.platform.privacy;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the privacy policy comes from, and the threshold of small-cell suppression. */
@ConfigMapping(prefix = "fupin.privacy")
public interface PrivacyConfig {

    /** A county's own policy file; without it the suite's defaults ({@code fupin/privacy-policy.txt}) apply. */
    Optional<Path> policyFile();

    /**
     * Counts of people below this are withheld from reports read by roles that do not see the underlying personal
     * field in full (small-cell suppression).
     */
    @WithDefault("5")
    int smallCellK();
}
