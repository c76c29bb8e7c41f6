package org.fupin.problem;

import java.util.Locale;

/** The three languages of titles and messages, picked from {@code Accept-Language}. */
public enum Language {
    EN("en"),
    ZH_HANS("zh-Hans"),
    ZH_HANT("zh-Hant");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * Takes the first supported entry of an {@code Accept-Language} header, honouring q-values.
     * Taiwan, Hong Kong and Macau read traditional script; other Chinese tags read simplified.
     * English is the default so that integrators without the header get the documented text.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Language language = fromTag(range.getRange());
                if (language != null) {
                    return language;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            return EN;
        }
        return EN;
    }

    private static Language fromTag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (t.equals("en") || t.startsWith("en-")) {
            return EN;
        }
        if (t.equals("zh") || t.startsWith("zh-")) {
            boolean traditional = t.contains("hant") || t.endsWith("-tw") || t.endsWith("-hk") || t.endsWith("-mo");
            return traditional ? ZH_HANT : ZH_HANS;
        }
        return null;
    }
}
