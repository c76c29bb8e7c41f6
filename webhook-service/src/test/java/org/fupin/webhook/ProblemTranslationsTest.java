package org.fupin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.fupin.problem.Language;
import org.fupin.problem.ProblemMessages;
import org.junit.jupiter.api.Test;

/** Every title and message of this service's problem codes exists in English, simplified and traditional Chinese. */
class ProblemTranslationsTest {

    @Test
    void everyCodeIsTranslated() {
        assertThat(ProblemMessages.missingTranslations()).isEmpty();
    }

    @Test
    void aRefusedTargetIsExplainedInTheCallersLanguage() {
        assertThat(ProblemMessages.title("target-refused", Language.ZH_HANT)).isEqualTo("該網址不能作為回呼目標");
        assertThat(ProblemMessages.message("https-required", Language.ZH_HANS, "fallback", java.util.Map.of()))
                .isEqualTo("请使用 https；仅在县内网络中接受 http。");
    }
}
