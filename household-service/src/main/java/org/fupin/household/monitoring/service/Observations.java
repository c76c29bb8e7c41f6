package org.fupin.household.monitoring.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalChannel;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.registry.service.AssessmentRecorded;
import org.fupin.security.RegionScope;

/**
 * Cadres' own observations as signals: a helper's visit that observed a risk, and an assessment with a guarantee
 * failing or income under the warning line. An assessment that would warn nobody is not a signal: most
 * assessments are routine, and counting them would drown the departments' signals in the reports.
 */
@ApplicationScoped
public class Observations {

    private final SignalIntake intake;
    private final RegistryConfig registry;

    public Observations(SignalIntake intake, RegistryConfig registry) {
        this.intake = intake;
        this.registry = registry;
    }

    /** In the assessment's own transaction, so the assessment and the alert it opens commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    void assessed(@Observes AssessmentRecorded recorded) {
        IncomingSignal signal = new IncomingSignal(recorded.assessment().id.toString(), Department.FUPIN, SignalKind.ASSESSMENT, null,
                null, recorded.household().id, recorded.assessment().assessedOn, recorded.assessment().annualIncomePerCapita, null,
                recorded.failingGuarantees().stream().map(Enum::name).toList());
        if (intake.wouldWarn(recorded.household(), signal)) {
            intake.receive(signal, SignalChannel.ASSESSMENT, recorded.assessment().recordedBy, RegionScope.all());
        }
    }

    /** A visit of visit.recorded with riskObserved, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void riskObserved(UUID visitId, UUID helperId, UUID householdId, java.time.Instant visitedAt) {
        LocalDate visitedOn = LocalDate.ofInstant(visitedAt, zone());
        intake.receive(new IncomingSignal(visitId.toString(), Department.FUPIN, SignalKind.RISK_OBSERVED, null, null, householdId,
                visitedOn, null, null, null), SignalChannel.VISIT, "helper:" + helperId, RegionScope.all());
    }

    private ZoneId zone() {
        return registry.zone();
    }
}
