package org.fupin.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** The error codes a module documents: the keys {@code <code>.title} and {@code <code>.message} of its English problem texts. */
final class ProblemCodes {

    private static final Path ROOT = Path.of(System.getProperty("fupin.repo.root", "..")).toAbsolutePath().normalize();

    private ProblemCodes() {
    }

    /** The codes of {@code <module>/src/main/resources/fupin-problems.en.properties} in the repository. */
    static Set<String> of(String module) {
        Path file = ROOT.resolve(module).resolve("src/main/resources/fupin-problems.en.properties");
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Set<String> codes = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            if (key.endsWith(".title") || key.endsWith(".message")) {
                codes.add(key.substring(0, key.lastIndexOf('.')));
            }
        }
        return codes;
    }
}
