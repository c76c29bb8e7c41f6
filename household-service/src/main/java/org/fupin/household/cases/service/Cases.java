package org.fupin.household.cases.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.domain.CaseCriteria;
import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.CaseRules;
import org.fupin.household.cases.domain.CaseState;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.config.CasesConfig;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.registry.domain.HouseholdLifecycle;
import org.fupin.household.registry.domain.LifecycleState;
import org.fupin.household.registry.domain.PovertyLines;
import org.fupin.household.registry.persistence.AssessmentEntity;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdLoader;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Refusal;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;

/** Opens cases and ends them before a decision: a proposal, and a withdrawal. */
@ApplicationScoped
public class Cases {

    private final HouseholdLoader households;
    private final CaseLoader cases;
    private final CaseRecorder recorder;
    private final Outbox outbox;
    private final CasesConfig config;
    private final RegistryConfig registry;

    public Cases(HouseholdLoader households, CaseLoader cases, CaseRecorder recorder, Outbox outbox, CasesConfig config,
            RegistryConfig registry) {
        this.households = households;
        this.cases = cases;
        this.recorder = recorder;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    /**
     * 申請: the household's status must allow what the case would decide, the proposal must rest on a
     * recent assessment where the kind needs one, and no other case of the kind may be open for it.
     */
    @Transactional
    public CaseEntity open(Proposal proposal, RegionScope scope, Actor actor) {
        HouseholdEntity household = households.inScope(proposal.householdId(), scope);
        LifecycleState lifecycle = household.lifecycle();
        if (HouseholdLifecycle.decided(lifecycle.status(), proposal.kind().decides(), lifecycle.everExited()).isEmpty()) {
            throw Refusal.conflict("case-not-applicable", "A " + proposal.kind() + " case does not apply to a household that is "
                    + lifecycle.status() + ".");
        }
        var latest = AssessmentEntity.latestOnOrBefore(household.id, proposal.proposedOn());
        CaseCriteria.requireMet(proposal.kind(), latest.map(AssessmentEntity::toDomain), proposal.proposedOn(),
                new PovertyLines(registry.povertyLine()));
        if (CaseEntity.count("householdId = ?1 and kind = ?2 and status in ?3", household.id, proposal.kind(),
                List.of(CaseStatus.OPEN, CaseStatus.OBJECTED)) > 0) {
            throw Refusal.conflict("case-already-open", "The household already has an open " + proposal.kind() + " case.");
        }
        CaseState state = CaseRules.open(proposal.kind(), actor.id(), proposal.proposedOn(), today());
        CaseEntity c = new CaseEntity();
        c.id = RowIds.next();
        c.householdId = household.id;
        c.villageCode = household.villageCode;
        c.kind = proposal.kind();
        c.proposer = actor.id();
        c.proposedOn = proposal.proposedOn();
        c.reason = proposal.reason();
        boolean restsOnAssessment = proposal.kind() == CaseKind.EXIT || proposal.kind() == CaseKind.IDENTIFY;
        c.assessmentId = restsOnAssessment ? latest.map(a -> a.id).orElse(null) : null;
        c.createdAt = Instant.now();
        recorder.move(c, state, null);
        Map<String, Object> evidence = new HashMap<>();
        if (c.assessmentId != null) {
            evidence.put("assessmentId", c.assessmentId.toString());
        }
        CaseState proposed = new CaseState(c.kind, CaseStatus.OPEN, Stage.PROPOSAL, c.proposedOn, null, null, c.proposer, c.proposedOn);
        recorder.step(c, proposed, Stage.PROPOSAL, "PROPOSED", c.proposedOn, actor, c.reason, evidence);
        outbox.record(c.id.toString(), CaseEvents.opened(c));
        return c;
    }

    /** Withdrawn before a decision, with a reason; the household stays as it is. */
    @Transactional
    public CaseEntity withdraw(UUID id, String reason, ExpectedVersion expected, RegionScope scope, Actor actor) {
        CaseEntity c = cases.inScope(id, scope);
        expected.check(c.version);
        CaseState before = c.state();
        CaseState next = CaseRules.withdraw(before, reason, today());
        recorder.move(c, next, null);
        recorder.step(c, before, before.stage(), "WITHDRAWN", today(), actor, reason, Map.of());
        outbox.record(c.id.toString(), CaseEvents.decided(c));
        return c;
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
