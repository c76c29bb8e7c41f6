package org.fupin.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void everyEnglishKeyIsTranslatedIntoBothChineseScripts() throws IOException {
        Properties english = load("en");
        for (String language : List.of("zh-Hans", "zh-Hant")) {
            Properties translated = load(language);
            assertThat(translated.stringPropertyNames()).as(language).containsAll(english.stringPropertyNames());
        }
    }

    @Test
    void reportsNoMissingTranslationOverTheClasspath() {
        assertThat(ProblemMessages.missingTranslations()).isEmpty();
    }

    @Test
    void fillsPlaceholdersOfAFieldMessage() {
        assertThat(ProblemMessages.message("length", Language.ZH_HANS, "fallback", Map.of("min", 1, "max", 50)))
                .isEqualTo("长度须在 1 到 50 之间。");
    }

    @Test
    void fallsBackToTheGivenEnglishTextWhenAPlaceholderHasNoValue() {
        assertThat(ProblemMessages.message("length", Language.ZH_HANT, "Too long.", Map.of("min", 1)))
                .isEqualTo("Too long.");
    }

    @Test
    void rendersTheTitleInTheCallersLanguageAndKeepsTheCode() {
        Problem problem = ProblemDocuments.render(
                new ProblemException(404, "not-found", "Household x was not found."), Language.ZH_HANT, "req-1");
        assertThat(problem.title()).isEqualTo("找不到");
        assertThat(problem.code()).isEqualTo("not-found");
        assertThat(problem.type()).isEqualTo("urn:fupin:problem:not-found");
        assertThat(problem.requestId()).isEqualTo("req-1");
        assertThat(problem.detail()).isEqualTo("Household x was not found.");
    }

    @Test
    void makesATitleFromAnUnknownCode() {
        assertThat(ProblemMessages.title("some-new-code", Language.EN)).isEqualTo("Some new code");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/fupin-problems." + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
