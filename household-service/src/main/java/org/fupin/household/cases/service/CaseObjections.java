package org.fupin.household.cases.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.domain.CaseRules;
import org.fupin.household.cases.domain.CaseState;
import org.fupin.household.cases.domain.Finding;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.persistence.ObjectionEntity;
import org.fupin.household.config.CasesConfig;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.kernel.Refusal;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;

/**
 * Objections (異議) during a public notice and the township's findings on them. The objection's text
 * stays in the register: events and the household's history name the objection, never its words.
 */
@ApplicationScoped
public class CaseObjections {

    private final CaseLoader cases;
    private final CaseRecorder recorder;
    private final HouseholdHistory history;
    private final Outbox outbox;
    private final CasesConfig config;
    private final RegistryConfig registry;

    public CaseObjections(CaseLoader cases, CaseRecorder recorder, HouseholdHistory history, Outbox outbox, CasesConfig config,
            RegistryConfig registry) {
        this.cases = cases;
        this.recorder = recorder;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    /** Files an objection received on {@code filedOn} (null: today); the case stops until the township's finding. */
    @Transactional
    public ObjectionEntity file(UUID caseId, String text, LocalDate filedOn, RegionScope scope, Actor actor) {
        CaseEntity c = cases.inScope(caseId, scope);
        LocalDate today = today();
        LocalDate received = filedOn == null ? today : filedOn;
        CaseState before = c.state();
        CaseState next = CaseRules.object(before, received, today);
        ObjectionEntity objection = new ObjectionEntity();
        objection.id = RowIds.next();
        objection.caseId = c.id;
        objection.stage = c.stage;
        objection.filedOn = received;
        objection.filedAt = Instant.now();
        objection.filedById = actor.id();
        objection.filedBy = actor.display();
        objection.text = text;
        objection.persist();
        recorder.move(c, next, earliestPending(c.id).orElse(received));
        history.record(c.householdId, actor.display(), "CASE_OBJECTION", null, List.of(
                new FieldChange("case.objection", null, objection.id.toString()),
                new FieldChange("case.status", before.status().name(), c.status.name())), c.id);
        outbox.record(c.id.toString(), CaseEvents.objected(c, objection.id, received));
        return objection;
    }

    /** The township's finding: upheld stops the case; dismissed (and none other pending) lets it go on. */
    @Transactional
    public CaseEntity resolve(UUID caseId, UUID objectionId, Finding finding, String reason, LocalDate resolvedOn, RegionScope scope,
            Actor actor) {
        CaseEntity c = cases.inScope(caseId, scope);
        ObjectionEntity objection = ObjectionEntity.<ObjectionEntity>find("id = ?1 and caseId = ?2", objectionId, c.id)
                .firstResultOptional().orElseThrow(() -> Refusal.notFound("Objection " + objectionId));
        if (!objection.pending()) {
            throw Refusal.conflict("objection-already-resolved", "The township found on this objection on " + objection.resolvedOn + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "required", "A finding needs its reason.");
        }
        LocalDate today = today();
        LocalDate on = resolvedOn == null ? today : resolvedOn;
        boolean othersPending = ObjectionEntity.count("caseId = ?1 and finding is null and id <> ?2", c.id, objectionId) > 0;
        CaseState before = c.state();
        CaseState next = CaseRules.resolveObjection(before, finding == Finding.UPHELD, othersPending,
                objection.filedOn, on, new CaseRules.Context(today, actor.id(), config.noticeDays()));
        objection.finding = finding;
        objection.findingReason = reason;
        objection.resolvedOn = on;
        objection.resolvedById = actor.id();
        objection.resolvedBy = actor.display();
        objection.persist();
        recorder.move(c, next, earliestPending(c.id).orElse(null));
        history.record(c.householdId, actor.display(), "CASE_OBJECTION_FINDING", reason, List.of(
                new FieldChange("case.objection", objectionId.toString(), finding.name()),
                new FieldChange("case.status", before.status().name(), c.status.name())), c.id);
        outbox.record(c.id.toString(), CaseEvents.objectionResolved(c, objectionId, finding, on));
        if (c.status.isClosed()) {
            outbox.record(c.id.toString(), CaseEvents.decided(c));
        }
        return c;
    }

    private static java.util.Optional<LocalDate> earliestPending(UUID caseId) {
        return ObjectionEntity.<ObjectionEntity>list("caseId = ?1 and finding is null", caseId).stream()
                .map(objection -> objection.filedOn).min(Comparator.naturalOrder());
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
