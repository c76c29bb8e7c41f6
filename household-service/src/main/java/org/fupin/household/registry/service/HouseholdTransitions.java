package org.fupin.household.registry.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.domain.Action;
import org.fupin.household.registry.domain.HouseholdLifecycle;
import org.fupin.household.registry.domain.LifecycleState;
import org.fupin.household.registry.domain.TransitionCommand;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;

/**
 * Moves households through their lifecycle ({@link HouseholdLifecycle} decides), then records the
 * new status, its history entry and {@code household.status-changed} together.
 */
@ApplicationScoped
public class HouseholdTransitions {

    private final HouseholdLoader households;
    private final HouseholdHistory history;
    private final Outbox outbox;
    private final RegistryConfig config;

    public HouseholdTransitions(HouseholdLoader households, HouseholdHistory history, Outbox outbox, RegistryConfig config) {
        this.households = households;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public HouseholdEntity apply(UUID id, TransitionCommand command, ExpectedVersion expected, RegionScope scope, String actor) {
        HouseholdEntity household = households.inScope(id, scope);
        expected.check(household.version);
        return change(household, command, actor);
    }

    /**
     * Applies the county's approval of a case in the case's transaction: the household's new status from
     * the announcement's date, its history entry and {@code household.status-changed} naming the case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decide(UUID id, Action decision, LocalDate effectiveDate, String actor, UUID caseId) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        LifecycleState from = household.lifecycle();
        Map<String, Object> before = HouseholdSnapshot.of(household);
        LifecycleState to = HouseholdLifecycle.decide(from, decision, effectiveDate);
        household.enter(to);
        household.updatedAt = Instant.now();
        household.persistAndFlush();
        outbox.record(household.id.toString(), new HouseholdStatusChanged(household.id, household.villageCode,
                from.status().name(), to.status().name(), decision.name(), to.since(), null, null, null, caseId));
        history.record(household.id, actor, decision.name(), null, Changes.between(before, HouseholdSnapshot.of(household)), caseId);
    }

    /**
     * Applies a monitoring decision in the caller's transaction: the township's approval of a confirmed risk
     * (FLAG_RISK) or of a risk clearance (CLEAR_RISK), effective on the decision's date, with its history entry
     * and {@code household.status-changed}. The lifecycle refuses it if the status no longer allows it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdEntity monitoringDecision(UUID id, TransitionCommand command, String actor) {
        return change(HouseholdEntity.findById(id), command, actor);
    }

    private HouseholdEntity change(HouseholdEntity household, TransitionCommand command, String actor) {
        LifecycleState from = household.lifecycle();
        Map<String, Object> before = HouseholdSnapshot.of(household);
        LifecycleState to = HouseholdLifecycle.apply(from, command, LocalDate.now(config.zone()));
        household.enter(to);
        household.updatedAt = Instant.now();
        household.persistAndFlush();
        outbox.record(household.id.toString(), new HouseholdStatusChanged(household.id, household.villageCode,
                from.status().name(), to.status().name(), command.action().name(), to.since(), command.reason(),
                to.riskType() == null ? null : to.riskType().name(), to.noticeEndsOn(), null));
        history.record(household.id, actor, command.action().name(), command.reason(),
                Changes.between(before, HouseholdSnapshot.of(household)));
        return household;
    }
}
