package org.fupin.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Localized titles and messages of problem codes. Every jar may ship
 * {@code fupin-problems.<language>.properties} files (UTF-8): the platform ships the generic
 * codes, each service its own, and all of them are merged. Keys are {@code <code>.title},
 * {@code <code>.detail} (optional, with {0}-style arguments) and {@code <code>.message}
 * (for field errors).
 */
public final class ProblemMessages {

    private static final Map<Language, Properties> BUNDLES = load();

    private ProblemMessages() {
    }

    public static String title(String code, Language language) {
        String title = lookup(code + ".title", language);
        return title != null ? title : humanize(code);
    }

    /** The localized detail if the code has one, else the English detail the thrower wrote. */
    public static String detail(String code, Language language, String fallback, Object... args) {
        String pattern = lookup(code + ".detail", language);
        if (pattern == null || (args.length == 0 && pattern.contains("{0}"))) {
            return fallback;
        }
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /**
     * The message of a field error code with its {name} placeholders filled from params; falls
     * back to the English text given when the code has no message or a placeholder has no value.
     */
    public static String message(String code, Language language, String fallback, Map<String, Object> params) {
        String template = lookup(code + ".message", language);
        if (template == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            Object value = params.get(template.substring(open + 1, close));
            if (value == null) {
                return fallback;
            }
            out.append(template, i, open).append(value);
            i = close + 1;
        }
        return out.toString();
    }

    /** Keys present in English but missing in another language, over every bundle on the classpath. */
    public static java.util.List<String> missingTranslations() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (Language language : Language.values()) {
            for (String key : BUNDLES.get(Language.EN).stringPropertyNames()) {
                if (!BUNDLES.get(language).containsKey(key)) {
                    missing.add(language.tag() + ": " + key);
                }
            }
        }
        java.util.Collections.sort(missing);
        return missing;
    }

    private static String lookup(String key, Language language) {
        String value = BUNDLES.get(language).getProperty(key);
        return value != null ? value : BUNDLES.get(Language.EN).getProperty(key);
    }

    private static String humanize(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> bundles = new EnumMap<>(Language.class);
        ClassLoader loader = ProblemMessages.class.getClassLoader();
        for (Language language : Language.values()) {
            Properties merged = new Properties();
            try {
                for (URL url : Collections.list(loader.getResources("fupin-problems." + language.tag() + ".properties"))) {
                    try (InputStream in = url.openStream()) {
                        merged.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read problem messages for " + language.tag(), e);
            }
            bundles.put(language, merged);
        }
        return bundles;
    }
}
