package org.fupin.assistance;

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
    void theUnknownHouseholdHintIsTranslatedWithTheHouseholdId() {
        assertThat(ProblemMessages.detail("unknown-household", Language.ZH_HANT, "fallback", "abc"))
                .contains("abc").contains("稍後重試");
    }
}
