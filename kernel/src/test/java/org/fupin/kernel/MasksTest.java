package org.fupin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void masksKeepWhatTellsRecordsApartAndHideWhatIdentifiesAPerson() {
        assertThat(Masks.name("張三豐")).isEqualTo("張*豐");
        assertThat(Masks.name("张伟")).isEqualTo("张*");
        assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masks.idNumber("50023519700304001X")).isEqualTo("500235********001X");
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("8123456")).isEqualTo("***3456");
        assertThat(Masks.address("桂林村三组12号")).isEqualTo("桂林村三****");
        assertThat(Masks.address("二组")).isEqualTo("二****");
        assertThat(Masks.name(null)).isNull();
    }
}
