package org.fupin.household.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.fupin.household.registry.domain.RiskType;
import org.fupin.kernel.Refusal;
import org.junit.jupiter.api.Test;

/** The verification and the township's decision on an alert, under four eyes and in date order. */
class AlertRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 6, 10);

    @Test
    void aConfirmedRiskNeedsItsTypeAndADismissalHasNone() {
        assertThat(AlertRules.verify(AlertStatus.OPEN, VerificationOutcome.RISK_CONFIRMED, RiskType.SUDDEN_HARDSHIP, TODAY.minusDays(3),
                TODAY, TODAY)).isEqualTo(AlertStatus.RISK_CONFIRMED);
        assertThatThrownBy(() -> AlertRules.verify(AlertStatus.OPEN, VerificationOutcome.RISK_CONFIRMED, null, TODAY, TODAY, TODAY))
                .extracting("code").isEqualTo("validation-failed");
        assertThatThrownBy(() -> AlertRules.verify(AlertStatus.OPEN, VerificationOutcome.DISMISSED, RiskType.MARGINAL, TODAY, TODAY, TODAY))
                .extracting("code").isEqualTo("validation-failed");
    }

    @Test
    void aVisitIsNotDatedBeforeTheAlertOrItsSendBackNorAfterToday() {
        assertThatThrownBy(() -> AlertRules.verify(AlertStatus.OPEN, VerificationOutcome.DISMISSED, null, TODAY, TODAY.minusDays(1), TODAY))
                .extracting("code").isEqualTo("date-before-previous-step");
        assertThatThrownBy(() -> AlertRules.verify(AlertStatus.OPEN, VerificationOutcome.DISMISSED, null, TODAY, TODAY.plusDays(1), TODAY))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void theVerifierDoesNotDecideAndASendBackNeedsAReason() {
        assertThatThrownBy(() -> AlertRules.decide(AlertStatus.RISK_CONFIRMED, "cadre-1", "cadre-1", true, null, TODAY, TODAY, TODAY))
                .extracting("code").isEqualTo("same-person");
        assertThatThrownBy(() -> AlertRules.decide(AlertStatus.RISK_CONFIRMED, "cadre-1", "township-1", false, " ", TODAY, TODAY, TODAY))
                .extracting("code").isEqualTo("validation-failed");
        assertThat(AlertRules.decide(AlertStatus.RISK_CONFIRMED, "cadre-1", "township-1", false, "再核", TODAY, TODAY, TODAY))
                .isEqualTo(AlertStatus.OPEN);
        assertThatThrownBy(() -> AlertRules.decide(AlertStatus.OPEN, "cadre-1", "township-1", true, null, TODAY, TODAY, TODAY))
                .extracting("code").isEqualTo("alert-not-verified");
    }
}
