package org.fupin.e2e;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a process of the suite reads, so that a deployment description (docker-compose.yml,
 * the Kubernetes manifests) can be held to passing only settings that exist: a misspelt name is silently ignored
 * by the process, and the default it falls back to is usually the loopback address of a development machine.
 */
final class ServiceSettings {

    /** The repository's root: where Maven runs the tests from (the module's directory) unless told. */
    static final Path ROOT = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize();

    private ServiceSettings() {
    }

    /**
     * The variables one application reads: its own application.properties, and those of the libraries it is
     * built with (security everywhere, the platform in every service but the gateway).
     */
    static Set<String> readBy(String application) throws IOException {
        Set<String> known = configurationNames(ROOT.resolve(application).resolve("src/main/resources/application.properties"));
        known.addAll(configurationNames(ROOT.resolve("security/src/main/resources/META-INF/microprofile-config.properties")));
        if (!application.equals("gateway")) {
            known.addAll(configurationNames(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        }
        return known;
    }

    /**
     * The environment variables a properties file declares: each key in environment form (quarkus.http.port →
     * QUARKUS_HTTP_PORT) and every ${VARIABLE} it refers to.
     */
    private static Set<String> configurationNames(Path properties) throws IOException {
        Set<String> names = new HashSet<>();
        Properties loaded = new Properties();
        try (InputStreamReader reader = new InputStreamReader(Files.newInputStream(properties), StandardCharsets.UTF_8)) {
            loaded.load(reader);
        }
        for (String key : loaded.stringPropertyNames()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            names.add(plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        Matcher references = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(properties));
        while (references.find()) {
            names.add(references.group(1));
        }
        return names;
    }
}
