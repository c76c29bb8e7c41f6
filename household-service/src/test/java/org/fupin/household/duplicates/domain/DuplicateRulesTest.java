package org.fupin.household.duplicates.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.fupin.household.registry.domain.IdNumber;
import org.junit.jupiter.api.Test;

class DuplicateRulesTest {

    private static final LocalDate BORN = LocalDate.of(1981, 5, 12);

    private static String id(String body) {
        return body + IdNumber.checkCharacter(body);
    }

    @Test
    void theSameNameInEitherScriptWithTheSameBirthDateIsAPossibleDuplicate() {
        Person registered = Person.of("張偉明", id("50023519810512123"), BORN);
        assertThat(DuplicateRules.between(Person.of("张伟明", id("50023519810512456"), BORN), registered))
                .containsExactly(DuplicateReason.SAME_NAME_AND_BIRTH_DATE);
        assertThat(DuplicateRules.between(Person.of("章伟明", id("50023519810512456"), BORN), registered))
                .containsExactly(DuplicateReason.SAME_PINYIN_AND_BIRTH_DATE);
        // Another birth date and an ID number far away: another person of the same name.
        assertThat(DuplicateRules.between(Person.of("张伟明", id("50023519820101456"), LocalDate.of(1982, 1, 1)), registered)).isEmpty();
        // The same birth date and another name: another person.
        assertThat(DuplicateRules.between(Person.of("李娜", id("50023519810512456"), BORN), registered)).isEmpty();
    }

    @Test
    void anIdNumberOneDigitApartOrWithNeighboursSwappedCountsWithTheSameNameWhateverTheCheckCharacterSays() {
        Person registered = Person.of("王建国", id("50023519810512123"), BORN);
        // 19810512 typed 19810513: another birth date, a valid check character, one digit of the first 17 apart.
        Person typo = Person.of("王建国", id("50023519810513123"), LocalDate.of(1981, 5, 13));
        assertThat(IdNumber.checkCharacter("50023519810513123")).isNotEqualTo(IdNumber.checkCharacter("50023519810512123"));
        assertThat(DuplicateRules.between(typo, registered)).containsExactly(DuplicateReason.ID_NUMBER_ONE_DIGIT_APART);
        Person swapped = Person.of("王建国", id("50023519810521123"), LocalDate.of(1981, 5, 21));
        assertThat(DuplicateRules.between(swapped, registered)).containsExactly(DuplicateReason.ID_NUMBER_DIGITS_SWAPPED);
        // A serial one digit apart and the same birth date: both rules.
        assertThat(DuplicateRules.between(Person.of("王建国", id("50023519810512124"), BORN), registered))
                .containsExactlyInAnyOrder(DuplicateReason.SAME_NAME_AND_BIRTH_DATE, DuplicateReason.ID_NUMBER_ONE_DIGIT_APART);
        // A near ID number of someone with another name is a neighbour in the register, not a duplicate.
        assertThat(DuplicateRules.between(Person.of("李秀英", id("50023519810513123"), LocalDate.of(1981, 5, 13)), registered)).isEmpty();
        // Two digits apart: no.
        assertThat(DuplicateRules.between(Person.of("王建国", id("50023519810613124"), LocalDate.of(1981, 6, 13)), registered)).isEmpty();
    }

    @Test
    void theSameIdNumberIsNoPossibleDuplicateButARefusalOfItsOwn() {
        Person registered = Person.of("王建国", id("50023519810512123"), BORN);
        assertThat(DuplicateRules.between(Person.of("王建国", id("50023519810512123"), BORN), registered)).isEmpty();
    }

    @Test
    void nearIdNumbersAreEveryOneDigitChangeAndEverySwapOfNeighbours() {
        // 17 positions with 9 other digits each, and a swap at each of the 16 places where neighbours differ.
        String body = "50023519810512123";
        long swaps = java.util.stream.IntStream.range(0, 16).filter(i -> body.charAt(i) != body.charAt(i + 1)).count();
        assertThat(DuplicateRules.nearIdNumbers(id(body))).hasSize((int) (17 * 9 + swaps))
                .contains("50023519810513123", "50023519810521123").doesNotContain(body);
    }

    @Test
    void pinyinReadsSurnamesAsSurnamesAndIgnoresScriptSpacesAndTheMinorityNameDot() {
        assertThat(Pinyin.key("张伟")).isEqualTo(Pinyin.key("章伟")).isEqualTo("zhangwei");
        assertThat(Pinyin.key("单雄信")).isEqualTo("shanxiongxin");
        assertThat(Pinyin.key("曾国藩")).isEqualTo("zengguofan");
        assertThat(Person.pinyinOf("張偉")).isEqualTo("zhangwei");
        assertThat(Person.pinyinOf("Zhang Wei")).isEqualTo("zhangwei");
        assertThat(Person.pinyinOf("阿依古丽·买买提")).isEqualTo("ayigulimaimaiti");
    }
}
