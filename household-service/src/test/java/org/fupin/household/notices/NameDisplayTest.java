package org.fupin.household.notices;

import static org.assertj.core.api.Assertions.assertThat;

import org.fupin.household.notices.domain.NameDisplay;
import org.junit.jupiter.api.Test;

class NameDisplayTest {

    @Test
    void maskedKeepsTheSurnameAndTheLastCharacter() {
        assertThat(NameDisplay.MASKED.show("张三丰")).isEqualTo("张*丰");
        assertThat(NameDisplay.MASKED.show("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(NameDisplay.MASKED.show("张三")).isEqualTo("张*");
        assertThat(NameDisplay.MASKED.show("𠀋三丰")).isEqualTo("𠀋*丰");
    }

    @Test
    void fullShowsTheNameAndNoneShowsNothing() {
        assertThat(NameDisplay.FULL.show("张三丰")).isEqualTo("张三丰");
        assertThat(NameDisplay.NONE.show("张三丰")).isNull();
    }

    @Test
    void aReaderSeesTheBoardsNamesAtMostAsThePrivacyPolicyLetsItSeeNames() {
        assertThat(NameDisplay.FULL.atMost(NameDisplay.MASKED)).isEqualTo(NameDisplay.MASKED);
        assertThat(NameDisplay.FULL.atMost(NameDisplay.NONE)).isEqualTo(NameDisplay.NONE);
        assertThat(NameDisplay.MASKED.atMost(NameDisplay.FULL)).isEqualTo(NameDisplay.MASKED);
        assertThat(NameDisplay.NONE.atMost(NameDisplay.FULL)).isEqualTo(NameDisplay.NONE);
    }
}
