package org.fupin.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-Hans|ZH_HANS",
            "zh-CN|ZH_HANS",
            "zh|ZH_HANS",
            "zh-Hant|ZH_HANT",
            "zh-TW|ZH_HANT",
            "zh-HK|ZH_HANT",
            "en-US|EN",
            "fr-FR, zh-TW;q=0.8|ZH_HANT",
            "en;q=0.2, zh-Hans;q=0.9|ZH_HANS",
            "de|EN",
            "''|EN",
            "not a ;;; header|EN" })
    void picksTheFirstSupportedLanguageByPreference(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }
}
