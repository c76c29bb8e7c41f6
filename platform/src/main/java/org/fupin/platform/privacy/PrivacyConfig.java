package org.fupin.platform.privacy;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the privacy policy comes from. */
@ConfigMapping(prefix = "fupin.privacy")
public interface PrivacyConfig {

    /** A county's own policy file; without it the suite's defaults ({@code fupin/privacy-policy.txt}) apply. */
    Optional<Path> policyFile();
}
