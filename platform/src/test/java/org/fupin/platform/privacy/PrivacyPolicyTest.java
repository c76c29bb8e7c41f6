package org.fupin.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;
import org.junit.jupiter.api.Test;

/** The policy file's rules and how a caller's access is resolved from it. */
class PrivacyPolicyTest {

    private static final String HEADER = "role name idNumber phone address birthDate health disability mentalIllness\n";
    private static final RegionScope COUNTY = RegionScope.of("500235");

    private static PrivacyPolicy defaults() throws IOException {
        return PrivacyPolicy.parse(PrivacyPolicies.defaultText());
    }

    @Test
    void theDefaultsShowACadreEverythingAndAnIntegratorForStatisticsNoContactData() throws IOException {
        FieldAccess cadre = defaults().accessFor(Set.of("village-cadre"), Optional.empty(), RegionScope.of("500235101201"));
        assertThat(cadre.omitted("500235101201")).isEmpty();
        assertThat(cadre.masked("500235101201")).isEmpty();

        FieldAccess statistics = defaults().accessFor(Set.of("integrator"), Optional.of("statistics"), COUNTY);
        assertThat(statistics.policy()).isEqualTo("integrator/statistics");
        assertThat(statistics.text(PersonalField.PHONE, "500235101201", "13812345678")).isNull();
        assertThat(statistics.text(PersonalField.ADDRESS, "500235101201", "桂林村三组12号")).isNull();
        assertThat(statistics.text(PersonalField.NAME, "500235101201", "张大山")).isEqualTo("张*山");
        assertThat(statistics.value(PersonalField.MENTAL_ILLNESS, "500235101201", true)).isNull();
        assertThat(statistics.birthYear("500235101201", java.time.LocalDate.of(1970, 3, 4))).isEqualTo(1970);
        assertThat(statistics.birthDate("500235101201", java.time.LocalDate.of(1970, 3, 4))).isNull();
        assertThat(statistics.seesInFull(PersonalField.NAME)).isFalse();
    }

    @Test
    void aFieldShownInFullIsMaskedOrOmittedForARecordOutsideTheCallersRegion() throws IOException {
        FieldAccess cadre = defaults().accessFor(Set.of("village-cadre"), Optional.empty(), RegionScope.of("500235101201"));
        assertThat(cadre.of(PersonalField.ID_NUMBER, "500235101202")).isEqualTo(Disclosure.MASKED);
        assertThat(cadre.of(PersonalField.HEALTH, "500235101202")).isEqualTo(Disclosure.OMITTED);
        assertThat(cadre.of(PersonalField.ID_NUMBER, null)).isEqualTo(Disclosure.MASKED);
        assertThat(cadre.text(PersonalField.ID_NUMBER, "500235101202", "50023519700304001X")).isEqualTo("500235********001X");
    }

    @Test
    void anIntegratorMustNameAGrantedPurposeAndOtherRolesNeedNone() throws IOException {
        PrivacyPolicy policy = defaults();
        assertThatThrownBy(() -> policy.accessFor(Set.of("integrator"), Optional.empty(), COUNTY))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("purpose-required");
                });
        assertThatThrownBy(() -> policy.accessFor(Set.of("integrator"), Optional.of("marketing"), COUNTY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("purpose-not-granted"));
        assertThatThrownBy(() -> policy.accessFor(Set.of("auditor"), Optional.of("Not a purpose!"), COUNTY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("purpose-not-granted"));
        // A role with a plain row reads by it whatever purpose it names.
        assertThat(policy.accessFor(Set.of("auditor"), Optional.of("statistics"), COUNTY).policy()).isEqualTo("auditor");
        // No row: no personal field at all.
        FieldAccess analyst = policy.accessFor(Set.of("analyst"), Optional.empty(), COUNTY);
        assertThat(analyst.policy()).isEqualTo("none");
        assertThat(analyst.omitted("500235101201")).hasSize(PersonalField.values().length);
    }

    @Test
    void twoRolesSeeEachFieldAsTheMoreOpenOfTheirRows() {
        PrivacyPolicy policy = PrivacyPolicy.parse(HEADER
                + "auditor full omitted omitted masked omitted full omitted omitted\n"
                + "assistance-officer masked masked full omitted masked omitted omitted full\n");
        FieldAccess both = policy.accessFor(List.of("auditor", "assistance-officer"), Optional.empty(), COUNTY);
        assertThat(both.policy()).isEqualTo("assistance-officer,auditor");
        assertThat(both.disclosures()).containsEntry(PersonalField.NAME, Disclosure.FULL)
                .containsEntry(PersonalField.ID_NUMBER, Disclosure.MASKED)
                .containsEntry(PersonalField.PHONE, Disclosure.FULL)
                .containsEntry(PersonalField.ADDRESS, Disclosure.MASKED)
                .containsEntry(PersonalField.DISABILITY, Disclosure.OMITTED)
                .containsEntry(PersonalField.MENTAL_ILLNESS, Disclosure.FULL);
    }

    @Test
    void aMistakeInThePolicyFileNamesItsLine() {
        assertThatThrownBy(() -> PrivacyPolicy.parse("# only a comment\n"))
                .hasMessageContaining("no header");
        assertThatThrownBy(() -> PrivacyPolicy.parse("role name idNumber\n"))
                .hasMessage("Line 1 of the privacy policy must name every personal field once.");
        assertThatThrownBy(() -> PrivacyPolicy.parse(HEADER + "auditor full full full full full full full\n"))
                .hasMessage("Line 2 of the privacy policy has 8 columns, the header 9.");
        assertThatThrownBy(() -> PrivacyPolicy.parse(HEADER + "superuser full full full full full full full full\n"))
                .hasMessageStartingWith("Line 2 of the privacy policy names an unknown role 'superuser'");
        assertThatThrownBy(() -> PrivacyPolicy.parse(HEADER + "auditor full full full full full masked full full\n"))
                .hasMessage("Line 2 of the privacy policy health has no masked form: full or omitted.");
        assertThatThrownBy(() -> PrivacyPolicy.parse(HEADER + "auditor full full full full full full full maybe\n"))
                .hasMessage("Line 2 of the privacy policy has 'maybe' where full, masked or omitted belongs.");
        assertThatThrownBy(() -> PrivacyPolicy.parse(HEADER + "integrator/Big_Data full full full full full full full full\n"))
                .hasMessageContaining("names a purpose that is not lower-case");
        assertThatThrownBy(() -> PrivacyPolicy.parse(HEADER + "auditor full full full full full full full full\n"
                + "auditor full full full full full full full full\n"))
                .hasMessage("Line 3 of the privacy policy repeats the row of auditor.");
    }
}
