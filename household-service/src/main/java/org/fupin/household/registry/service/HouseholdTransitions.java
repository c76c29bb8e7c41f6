package org.fupin.household.registry.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.registry.domain.Action;
import org.fupin.household.registry.domain.ExitCriteria;
import org.fupin.household.registry.domain.HouseholdLifecycle;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.PovertyLines;
import org.fupin.household.registry.domain.RemovalReason;
import org.fupin.household.registry.persistence.AssessmentEntity;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;
import org.fupin.platform.web.ETags;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/**
 * Moves households through their lifecycle: checks the transition against {@link HouseholdLifecycle},
 * the action's own rule ({@link ExitCriteria}, the end of the public notice, a removal reason...),
 * then records the new status, its history entry and {@code household.status-changed} together.
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
    public HouseholdEntity apply(UUID id, TransitionCommand command, String ifMatch, RegionScope scope, String actor) {
        HouseholdEntity household = households.inScope(id, scope);
        ETags.requireMatch(ifMatch, household.version);
        requireActionDetails(command);
        LocalDate effectiveDate = command.effectiveDate();
        if (effectiveDate.isAfter(LocalDate.now(config.zone()))) {
            throw invalid("effectiveDate", "effective-date-in-future", "A transition cannot take effect in the future.");
        }
        if (effectiveDate.isBefore(household.statusSince)) {
            throw ProblemException.unprocessable("effective-date-out-of-order",
                    "The current status took effect on " + household.statusSince + "; a later change cannot take effect before it.",
                    List.of(new FieldError("effectiveDate", "effective-date-out-of-order",
                            "On or after " + household.statusSince + ".", Map.of("min", household.statusSince))));
        }
        HouseholdStatus from = household.status;
        HouseholdStatus to = HouseholdLifecycle.next(from, command.action(), household.everExited)
                .orElseThrow(() -> ProblemException.conflict("illegal-transition",
                        command.action() + " is not possible from status " + from + "."));

        Map<String, Object> before = HouseholdSnapshot.of(household);
        switch (command.action()) {
            case PROPOSE_EXIT -> {
                requireExitCriteria(household, effectiveDate);
                household.noticeEndsOn = effectiveDate.plusDays(config.noticeDays());
            }
            case CONFIRM_EXIT -> {
                if (effectiveDate.isBefore(household.noticeEndsOn)) {
                    throw ProblemException.unprocessable("notice-period-not-over",
                            "The public notice (公示) ends on " + household.noticeEndsOn + "; the exit can be confirmed from then.");
                }
                household.noticeEndsOn = null;
                household.everExited = true;
            }
            case OBJECT -> household.noticeEndsOn = null;
            case FLAG_RISK -> household.riskType = command.riskType();
            case CLEAR_RISK, RETURN_TO_POVERTY -> household.riskType = null;
            case REMOVE -> household.noticeEndsOn = null;
        }
        household.status = to;
        household.statusSince = effectiveDate;
        household.updatedAt = java.time.Instant.now();
        household.persistAndFlush();

        outbox.record(household.id.toString(), new HouseholdStatusChanged(household.id, household.villageCode,
                from.name(), to.name(), command.action().name(), effectiveDate, command.reason(),
                household.riskType == null ? null : household.riskType.name(), household.noticeEndsOn));
        history.record(household.id, actor, command.action().name(), command.reason(),
                Changes.between(before, HouseholdSnapshot.of(household)));
        return household;
    }

    private void requireExitCriteria(HouseholdEntity household, LocalDate effectiveDate) {
        Optional<AssessmentEntity> latest = AssessmentEntity.latestOnOrBefore(household.id, effectiveDate);
        List<ExitCriteria.Shortfall> shortfalls = ExitCriteria.check(latest.map(AssessmentEntity::toDomain), effectiveDate,
                new PovertyLines(config.povertyLine()));
        if (!shortfalls.isEmpty()) {
            List<FieldError> errors = shortfalls.stream()
                    .map(s -> new FieldError(s.dimension() == null ? "assessment" : s.dimension().name(), s.code(),
                            ExitMessages.of(s)))
                    .toList();
            throw ProblemException.unprocessable("exit-criteria-not-met",
                    "The household does not meet the exit criteria on " + effectiveDate + ": "
                            + String.join(", ", errors.stream().map(FieldError::field).toList()) + ".", errors);
        }
    }

    /** Rules of the request itself: what each action needs besides the date. */
    private static void requireActionDetails(TransitionCommand command) {
        Action action = command.action();
        boolean hasReason = command.reason() != null && !command.reason().isBlank();
        if (action == Action.FLAG_RISK && command.riskType() == null) {
            throw invalid("riskType", "required", "FLAG_RISK needs a riskType: UNSTABLE_EXIT, MARGINAL or SUDDEN_HARDSHIP.");
        }
        if (action != Action.FLAG_RISK && command.riskType() != null) {
            throw invalid("riskType", "not-applicable", "Only FLAG_RISK takes a riskType.");
        }
        if ((action == Action.OBJECT || action == Action.RETURN_TO_POVERTY || action == Action.REMOVE) && !hasReason) {
            throw invalid("reason", "required", action + " needs a reason.");
        }
        if (action == Action.REMOVE && !isRemovalReason(command.reason())) {
            throw invalid("reason", "invalid-removal-reason", "A removal reason is MISIDENTIFIED, ALL_DECEASED, MERGED or MOVED_OUT.");
        }
    }

    private static boolean isRemovalReason(String reason) {
        for (RemovalReason known : RemovalReason.values()) {
            if (known.name().equals(reason)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException invalid(String field, String code, String message) {
        return ProblemException.invalid(List.of(new FieldError(field, code, message)));
    }
}
