package org.fupin.assistance.visit.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.config.AssistanceConfig;
import org.fupin.assistance.organisation.service.References;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.fupin.assistance.pairing.persistence.PairingEntity;
import org.fupin.assistance.persistence.Constraints;
import org.fupin.assistance.replica.service.HouseholdFacts;
import org.fupin.assistance.visit.domain.NewVisit;
import org.fupin.assistance.visit.domain.VisitRules;
import org.fupin.assistance.visit.persistence.VisitEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records visits by {@link VisitRules}, each in a transaction of its own with its
 * {@code visit.recorded} event: a visit already stored under the same id with the same content is
 * a duplicate and changes nothing; other content under that id is a conflict.
 */
@ApplicationScoped
public class Visits {

    /** What became of a visit that was not rejected. */
    public enum Outcome { ACCEPTED, DUPLICATE }

    /** The outcome and the visit as stored. */
    public record Recorded(Outcome outcome, VisitEntity visit) {
    }

    private static final String PRIMARY_KEY = "visit_pkey";

    private final HouseholdFacts households;
    private final References references;
    private final Outbox outbox;
    private final AssistanceConfig config;

    public Visits(HouseholdFacts households, References references, Outbox outbox, AssistanceConfig config) {
        this.households = households;
        this.references = references;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Records one visit in a new transaction, so that in a batch a rejected visit changes nothing
     * and takes nothing else with it.
     */
    public Recorded record(NewVisit sent, RegionScope scope, String actor) {
        NewVisit visit = VisitRules.normalised(sent);
        try {
            return QuarkusTransaction.requiringNew().call(() -> recordOnce(visit, scope, actor));
        } catch (RuntimeException e) {
            if (Constraints.violated(e, PRIMARY_KEY)) {
                // The same id was stored by a concurrent request between our look-up and our insert.
                return QuarkusTransaction.requiringNew().call(() -> replay(VisitEntity.findById(visit.id()), visit, scope));
            }
            throw e;
        }
    }

    private Recorded recordOnce(NewVisit visit, RegionScope scope, String actor) {
        List<Violation> errors = VisitRules.check(visit, Instant.now());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        VisitEntity stored = VisitEntity.findById(visit.id());
        if (stored != null) {
            return replay(stored, visit, scope);
        }
        HouseholdFacts.Household household = households.require(visit.householdId(), scope, "householdId");
        references.helper(visit.helperId(), "helperId", scope);
        LocalDate day = LocalDate.ofInstant(visit.visitedAt(), config.zone());
        boolean paired = PairingEntity.<PairingEntity>list("kind = ?1 and helperId = ?2 and householdId = ?3",
                PairingKind.HELPER_HOUSEHOLD, visit.helperId(), visit.householdId()).stream()
                .anyMatch(pairing -> VisitRules.pairedOn(pairing.startDate, pairing.endDate, day));
        if (!paired) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "not-paired", "Helper " + visit.helperId() + " was not paired with household "
                    + visit.householdId() + " on " + day + "; only a household's own helper records its visits.",
                    List.of(new Violation("helperId", "not-paired", "Not this household's helper on the day of the visit.")));
        }
        VisitEntity entity = new VisitEntity();
        entity.id = visit.id();
        entity.helperId = visit.helperId();
        entity.householdId = visit.householdId();
        entity.villageCode = household.villageCode();
        entity.visitedAt = visit.visitedAt();
        entity.notes = visit.notes();
        entity.riskObserved = visit.riskObserved();
        entity.recordedAt = Instant.now();
        entity.recordedBy = actor;
        entity.persistAndFlush();
        outbox.record(entity.id.toString(), VisitEvents.recorded(entity));
        return new Recorded(Outcome.ACCEPTED, entity);
    }

    /** An id seen before: the same visit again is a duplicate; anything else, or a visit outside the caller's region, a conflict. */
    private static Recorded replay(VisitEntity stored, NewVisit sent, RegionScope scope) {
        if (!scope.covers(stored.villageCode) || !VisitRules.sameVisit(sent, stored.asSent())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "visit-id-conflict", "Visit id " + sent.id()
                    + " was already used for a different visit; a new visit needs a new UUID.");
        }
        return new Recorded(Outcome.DUPLICATE, stored);
    }
}
