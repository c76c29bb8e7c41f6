package org.fupin.assistance.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fupin.kernel.Violation;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Names, phones and capacities of helpers; the make-up of work teams and war zones. */
class OrganisationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);
    private static final UUID UNIT = UUID.randomUUID();

    @Test
    void namesHaveOneToAHundredCharactersWithoutControlCharacters() {
        assertThat(OrganisationRules.checkName("name", "雲陽縣三峽茶業有限公司")).isEmpty();
        assertThat(codes(OrganisationRules.checkName("name", " "))).containsExactly("name:required");
        assertThat(codes(OrganisationRules.checkName("name", "村".repeat(101)))).containsExactly("name:length");
        assertThat(codes(OrganisationRules.checkName("name", "王\u0007五"))).containsExactly("name:format");
    }

    @Property
    void mainlandMobilesAndLandlinesAreAccepted(@ForAll("phones") String phone) {
        assertThat(OrganisationRules.checkHelper(new NewHelper("王五", phone, UNIT, HelperKind.CADRE, 5))).isEmpty();
    }

    @Test
    void otherPhonesAreNot() {
        for (String phone : List.of("12345", "12800001111", "139000011112", "023 55123456")) {
            assertThat(codes(OrganisationRules.checkHelper(new NewHelper("王五", phone, UNIT, HelperKind.CADRE, 5))))
                    .as(phone).containsExactly("phone:phone-format");
        }
    }

    @Property
    void aHelperTakesOnOneToAHundredHouseholds(@ForAll @IntRange(min = -5, max = 120) int max) {
        boolean valid = max >= 1 && max <= 100;
        assertThat(OrganisationRules.checkHelper(new NewHelper("王五", null, UNIT, HelperKind.TEACHER, max)).isEmpty())
                .isEqualTo(valid);
    }

    @Test
    void aHelperNamesUnitKindAndCapacity() {
        assertThat(codes(OrganisationRules.checkHelper(new NewHelper("王五", null, null, null, null))))
                .containsExactly("unitId:required", "kind:required", "maxHouseholds:required");
    }

    @Test
    void aWorkTeamListsEachHelperOnceAndTheLeaderNotAgain() {
        UUID leader = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        assertThat(OrganisationRules.checkWorkTeam(leader, List.of(member), TODAY, TODAY)).isEmpty();
        assertThat(codes(OrganisationRules.checkWorkTeam(leader, List.of(member, leader, member), TODAY, TODAY)))
                .containsExactly("memberIds[1]:duplicate-member", "memberIds[2]:duplicate-member");
        assertThat(codes(OrganisationRules.checkWorkTeam(leader, List.of(), TODAY.plusDays(1), TODAY)))
                .containsExactly("startDate:date-in-future");
    }

    @Test
    void aWarZoneListsOneToFiftyTownshipsEachOnce() {
        assertThat(OrganisationRules.checkWarZone(List.of("500235101", "500235102"))).isEmpty();
        assertThat(codes(OrganisationRules.checkWarZone(List.of()))).containsExactly("townshipCodes:length");
        assertThat(codes(OrganisationRules.checkWarZone(List.of("500235101", "500235101"))))
                .containsExactly("townshipCodes[1]:duplicate-township");
    }

    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> mobile = Arbitraries.integers().between(3, 9)
                .flatMap(second -> Arbitraries.strings().numeric().ofLength(9).map(rest -> "1" + second + rest));
        Arbitrary<String> landline = Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(3)
                .flatMap(area -> Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(8)
                        .flatMap(number -> Arbitraries.of("-", "").map(dash -> "0" + area + dash + number)));
        return Arbitraries.oneOf(mobile, landline);
    }

    private static List<String> codes(List<Violation> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
