package org.fupin.household.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** GB 11643 ID numbers: check character, birth date and gender. */
class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);

    @Test
    void acceptsAKnownValidNumberAndDerivesBirthDateAndGender() {
        // The standard's own example: 11010519491231002X, a woman born 1949-12-31.
        IdNumber.Parsed parsed = IdNumber.parse("11010519491231002X", TODAY);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.idNumber().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(parsed.idNumber().gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void acceptsALowerCaseXAndStoresItUpperCase() {
        assertThat(IdNumber.parse("11010519491231002x", TODAY).idNumber().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void namesTheDefectOfAnInvalidNumber() {
        assertThat(IdNumber.parse("1101051949123100", TODAY).defect()).isEqualTo(IdNumber.Defect.FORMAT);
        assertThat(IdNumber.parse("11010519491231002Y", TODAY).defect()).isEqualTo(IdNumber.Defect.FORMAT);
        assertThat(IdNumber.parse("１１010519491231002X", TODAY).defect()).isEqualTo(IdNumber.Defect.FORMAT);
        assertThat(IdNumber.parse("110105194912310021", TODAY).defect()).isEqualTo(IdNumber.Defect.CHECK_DIGIT);
        assertThat(IdNumber.parse(withCheck("11010519490231001"), TODAY).defect()).isEqualTo(IdNumber.Defect.BIRTH_DATE);
        assertThat(IdNumber.parse(withCheck("11010520200701001"), TODAY).defect()).isEqualTo(IdNumber.Defect.BIRTH_DATE);
        assertThat(IdNumber.parse(null, TODAY).defect()).isEqualTo(IdNumber.Defect.FORMAT);
    }

    @Test
    void masksAllButTheRegionAndTheLastFourCharacters() {
        assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Property
    void everyNumberWithItsComputedCheckCharacterAndAPastBirthDateIsValid(@ForAll("validBodies") String body) {
        IdNumber.Parsed parsed = IdNumber.parse(withCheck(body), TODAY);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.idNumber().gender())
                .isEqualTo((body.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    @Property
    void changingAnyOneDigitIsCaught(@ForAll("validBodies") String body, @ForAll @IntRange(min = 0, max = 16) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String valid = withCheck(body);
        char changed = (char) ('0' + (valid.charAt(position) - '0' + delta) % 10);
        String typo = valid.substring(0, position) + changed + valid.substring(position + 1);
        // MOD 11-2 detects every single-digit substitution; a changed date digit may also make the date invalid.
        assertThat(IdNumber.parse(typo, TODAY).valid()).isFalse();
    }

    @Provide
    Arbitrary<String> validBodies() {
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 365 * 100)
                .map(days -> TODAY.minusDays(days));
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> serial = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(region, births, serial).as((r, b, s) ->
                r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s);
    }

    private static String withCheck(String body) {
        return body + IdNumber.checkCharacter(body);
    }
}
