package org.fupin.platform.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/** Loads the privacy policy once, at start: a service with a broken policy does not start. */
@ApplicationScoped
public class PrivacyPolicies {

    public static final String DEFAULT = "fupin/privacy-policy.txt";

    @Produces
    @Singleton
    PrivacyPolicy policy(PrivacyConfig config) {
        try {
            if (config.policyFile().isPresent()) {
                return PrivacyPolicy.parse(Files.readString(config.policyFile().get(), StandardCharsets.UTF_8));
            }
            return PrivacyPolicy.parse(defaultText());
        } catch (IOException e) {
            throw new UncheckedIOException("The privacy policy file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads the policy at start rather than at the first request that needs it. */
    void loadAtStart(@Observes StartupEvent start, PrivacyPolicy policy) {
        policy.rows();
    }

    /** The suite's default policy, as shipped. */
    public static String defaultText() throws IOException {
        try (InputStream in = PrivacyPolicies.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IOException(DEFAULT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
