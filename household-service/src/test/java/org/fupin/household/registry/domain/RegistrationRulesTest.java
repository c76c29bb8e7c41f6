package org.fupin.household.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fupin.kernel.Violation;
import org.junit.jupiter.api.Test;

/** The registration rules beyond field shapes, each named by its error code. */
class RegistrationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);

    @Test
    void acceptsAWellFormedHousehold() {
        assertThat(RegistrationRules.check(household(List.of(head("11010519491231002X")), "13800138000"), TODAY)).isEmpty();
    }

    @Test
    void requiresExactlyOneHead() {
        NewMember spouse = member("11010519491231002X", Relation.SPOUSE);
        assertThat(codes(household(List.of(spouse), null))).contains("head-count");
        assertThat(codes(household(List.of(head("11010519491231002X"), head(valid("11010519500101001"))), null)))
                .contains("head-count");
    }

    @Test
    void findsTheSameIdNumberTwiceInOneRequest() {
        List<Violation> errors = RegistrationRules.check(household(List.of(head("11010519491231002X"),
                member("11010519491231002x", Relation.CHILD)), null), TODAY);
        assertThat(errors).extracting(Violation::field, Violation::code)
                .contains(org.assertj.core.groups.Tuple.tuple("members[1].idNumber", "duplicate-in-request"));
    }

    @Test
    void acceptsMobileAndLandlineNumbersAndNothingElse() {
        for (String phone : List.of("13800138000", "19912345678", "023-55123456", "02355123456", "0851-8123456")) {
            assertThat(codes(household(List.of(head("11010519491231002X")), phone))).as(phone).doesNotContain("phone-format");
        }
        for (String phone : List.of("12800138000", "1380013800", "+8613800138000", "55123456", "phone")) {
            assertThat(codes(household(List.of(head("11010519491231002X")), phone))).as(phone).contains("phone-format");
        }
    }

    @Test
    void acceptsHanLatinAndMinorityNames() {
        for (String name : List.of("张三", "欧阳娜娜", "阿依古丽·买买提", "Maria Wang", "王")) {
            assertThat(RegistrationRules.checkMember(named(name), "", TODAY)).as(name).isEmpty();
        }
        for (String name : List.of("张三3", "<script>", "李四!", "·张")) {
            assertThat(RegistrationRules.checkMember(named(name), "", TODAY)).as(name)
                    .extracting(Violation::code).contains("name-format");
        }
    }

    @Test
    void requiresThePrimaryCauseAmongTheCausesAndAPlausibleYear() {
        NewHousehold household = new NewHousehold("500235101201", "addr", null, HouseholdCategory.GENERAL,
                List.of(PovertyCause.ILLNESS), PovertyCause.DISASTER, 2013, BigDecimal.ZERO, InitialStatus.POOR, null,
                List.of(head("11010519491231002X")));
        assertThat(codes(household)).contains("primary-cause-not-in-causes", "identified-year-range");
    }

    @Test
    void requiresEveryMemberFieldThatBeanValidationWouldRequire() {
        NewMember blank = new NewMember(" ", null, null, null, 5, false, null, null, true, false);
        assertThat(RegistrationRules.checkMemberShape(blank, "members[2]"))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("members[2].name", "length"),
                        org.assertj.core.groups.Tuple.tuple("members[2].idNumber", "required"),
                        org.assertj.core.groups.Tuple.tuple("members[2].relation", "required"),
                        org.assertj.core.groups.Tuple.tuple("members[2].health", "required"),
                        org.assertj.core.groups.Tuple.tuple("members[2].education", "required"),
                        org.assertj.core.groups.Tuple.tuple("members[2].laborCapacity", "required"),
                        org.assertj.core.groups.Tuple.tuple("members[2].disabilityGrade", "range"));
        assertThat(RegistrationRules.checkMemberShape(head("11010519491231002X"), "")).isEmpty();
    }

    @Test
    void limitsAHouseholdToThirtyMembers() {
        NewMember member = head("11010519491231002X");
        assertThat(RegistrationRules.checkMemberCount(java.util.Collections.nCopies(30, member))).isEmpty();
        assertThat(RegistrationRules.checkMemberCount(java.util.Collections.nCopies(31, member)))
                .extracting(Violation::code).containsExactly("length");
        assertThat(RegistrationRules.checkMemberCount(List.of())).extracting(Violation::code).containsExactly("length");
    }

    @Test
    void registersOnlyInAVillageInsideTheRegistrarsRegion() {
        org.fupin.security.RegionScope township = org.fupin.security.RegionScope.of("500235101");
        assertThat(RegistrationRules.isRegistrableVillage("500235101201", org.fupin.household.region.domain.RegionLevel.VILLAGE, township)).isTrue();
        assertThat(RegistrationRules.isRegistrableVillage("500235102201", org.fupin.household.region.domain.RegionLevel.VILLAGE, township)).isFalse();
        assertThat(RegistrationRules.isRegistrableVillage("500235101", org.fupin.household.region.domain.RegionLevel.TOWNSHIP, township)).isFalse();
    }

    private static List<String> codes(NewHousehold household) {
        return RegistrationRules.check(household, TODAY).stream().map(Violation::code).toList();
    }

    private static NewHousehold household(List<NewMember> members, String phone) {
        return new NewHousehold("500235101201", "桂林村三组", phone, HouseholdCategory.GENERAL,
                List.of(PovertyCause.ILLNESS), PovertyCause.ILLNESS, 2016, new BigDecimal("2800.50"), InitialStatus.POOR, null, members);
    }

    private static NewMember head(String idNumber) {
        return member(idNumber, Relation.HEAD);
    }

    private static NewMember named(String name) {
        return new NewMember(name, "11010519491231002X", Relation.HEAD, Health.HEALTHY, null, false,
                Education.GRADUATED, LaborCapacity.FULL, true, false);
    }

    private static NewMember member(String idNumber, Relation relation) {
        return new NewMember("张三", idNumber, relation, Health.HEALTHY, null, false, Education.GRADUATED,
                LaborCapacity.FULL, true, false);
    }

    private static String valid(String body) {
        return body + IdNumber.checkCharacter(body);
    }
}
