package org.fupin.household.monitoring.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fupin.household.config.MonitoringConfig;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.SignalChannel;
import org.fupin.household.monitoring.domain.SignalFacts;
import org.fupin.household.monitoring.domain.SignalOutcome;
import org.fupin.household.monitoring.domain.SignalRules;
import org.fupin.household.monitoring.domain.Warning;
import org.fupin.household.monitoring.domain.WarningRules;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.persistence.SignalEntity;
import org.fupin.household.monitoring.persistence.WarningEntity;
import org.fupin.household.monitoring.persistence.WarningRuleEntity;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.PovertyLines;
import org.fupin.household.registry.persistence.AssessmentEntity;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.kernel.Refusal;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Receives signals, from whichever channel: a repeat of a sender's signal id changes nothing; a new signal is matched
 * to a registered person or household (kept as UNKNOWN_PERSON if there is none), the warning rules in force on its
 * date are applied, and a warning opens the household's alert or joins the open one. The signal, its warnings,
 * the alert and their events are written together.
 */
@ApplicationScoped
public class SignalIntake {

    /** A signal as stored, and whether this call stored it (false: a repeat of one received before). */
    public record Received(SignalEntity signal, boolean created) {
    }

    /** The statuses monitoring is for: outside the poor register, and still in the register of households. */
    private static final List<HouseholdStatus> MONITORED_STATUSES = List.of(HouseholdStatus.EXITED, HouseholdStatus.NOT_POOR,
            HouseholdStatus.MONITORED);

    private final Outbox outbox;
    private final HouseholdHistory history;
    private final Assignments assignments;
    private final MonitoringConfig config;
    private final RegistryConfig registry;

    public SignalIntake(Outbox outbox, HouseholdHistory history, Assignments assignments, MonitoringConfig config,
            RegistryConfig registry) {
        this.outbox = outbox;
        this.history = history;
        this.assignments = assignments;
        this.config = config;
        this.registry = registry;
    }

    /** A batch in one transaction: a signal refused refuses the batch, its fields named by their index. */
    @Transactional
    public List<Received> receiveAll(List<IncomingSignal> batch, SignalChannel channel, String sender, RegionScope senderScope) {
        List<Received> received = new java.util.ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                received.add(receive(batch.get(i), channel, sender, senderScope));
            } catch (Refusal refusal) {
                throw underItem(refusal, "signals[" + i + "]");
            }
        }
        return received;
    }

    private static Refusal underItem(Refusal refusal, String item) {
        List<org.fupin.kernel.Violation> violations = refusal.violations().stream()
                .map(v -> new org.fupin.kernel.Violation(item + "." + v.field(), v.code(), v.message(), v.params())).toList();
        return new Refusal(refusal.kind(), refusal.code(), item + ": " + refusal.getMessage(), violations, refusal.args());
    }

    /**
     * Receives one signal. {@code senderScope} is the region of an API caller: the signal is matched only within it,
     * so a person registered in another county is as unknown to the sender as one registered nowhere, the other
     * county's records are not touched, and the receipt tells nobody where a person is registered. Signals from the
     * county's own topic and fupin's observations match anywhere ({@link RegionScope#all()}).
     */
    @Transactional
    public Received receive(IncomingSignal incoming, SignalChannel channel, String sender, RegionScope senderScope) {
        if (channel.fromDepartment()) {
            SignalRules.require(incoming.department(), incoming.kind(), incoming.idNumber(), incoming.householdNumber(),
                    incoming.occurredOn(), incoming.amount(), today());
        }
        // Two deliveries of one signal at once (a retry racing the original) wait for each other here, so the second
        // finds the first instead of breaking the unique key.
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "signal " + incoming.department() + " " + incoming.signalId()).getSingleResult();
        Optional<SignalEntity> earlier = SignalEntity.bySenderId(incoming.department(), incoming.signalId());
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint.equals(incoming.fingerprint())) {
                throw Refusal.conflict("signal-id-reused", "The department's signal " + incoming.signalId()
                        + " was received before with other content; a correction needs a signal id of its own.");
            }
            return new Received(earlier.get(), false);
        }
        LocalDate today = today();
        SignalEntity signal = new SignalEntity();
        signal.id = RowIds.next();
        signal.department = incoming.department();
        signal.signalId = incoming.signalId();
        signal.kind = incoming.kind();
        signal.idNumber = incoming.idNumber();
        signal.householdNo = incoming.householdNumber();
        signal.occurredOn = incoming.occurredOn();
        signal.amount = incoming.amount();
        signal.note = incoming.note();
        signal.receivedOn = today;
        signal.receivedAt = Instant.now();
        signal.sentBy = sender;
        signal.channel = channel;
        signal.fingerprint = incoming.fingerprint();

        Subject subject = match(incoming);
        if (subject.household() != null && !senderScope.covers(subject.household().villageCode)) {
            subject = new Subject(null, null);
        }
        if (subject.household() == null) {
            signal.outcome = SignalOutcome.UNKNOWN_PERSON;
            signal.regionCode = unknownPersonsRegion(incoming.idNumber(), senderScope);
            persist(signal);
            return new Received(signal, true);
        }
        HouseholdEntity household = subject.household();
        // One open alert per household: signals about it arriving together take turns, and the second joins the first's alert.
        Panache.getEntityManager().lock(household, LockModeType.PESSIMISTIC_WRITE);
        signal.householdId = household.id;
        signal.memberId = subject.member() == null ? null : subject.member().id;
        signal.regionCode = household.villageCode;
        if (!MONITORED_STATUSES.contains(household.status)) {
            signal.outcome = SignalOutcome.NOT_MONITORED;
            persist(signal);
            return new Received(signal, true);
        }
        List<Warning> warnings = warnings(household, subject.member(), incoming);
        if (warnings.isEmpty()) {
            signal.outcome = SignalOutcome.NO_WARNING;
            persist(signal);
            return new Received(signal, true);
        }
        Optional<MonitoringAlertEntity> open = MonitoringAlertEntity.openFor(household.id);
        MonitoringAlertEntity alert = open.orElseGet(() -> open(household, today));
        signal.outcome = open.isPresent() ? SignalOutcome.ALERT_JOINED : SignalOutcome.ALERT_OPENED;
        signal.alertId = alert.id;
        persist(signal);
        for (Warning warning : warnings) {
            WarningEntity row = new WarningEntity();
            row.alertId = alert.id;
            row.signalId = signal.id;
            row.ruleId = warning.rule().id();
            row.ruleCode = warning.rule().code();
            row.ruleVersion = warning.rule().version();
            row.reason = warning.reason();
            row.persist();
        }
        if (open.isEmpty()) {
            outbox.record(alert.id.toString(), MonitoringEvents.opened(alert, warnings));
        }
        history.record(household.id, sender, open.isPresent() ? "MONITORING_SIGNAL_JOINED" : "MONITORING_ALERT_OPENED",
                signal.department + " " + signal.kind + ": " + warnings.stream().map(w -> w.rule().code() + " v" + w.rule().version())
                        .reduce((a, b) -> a + ", " + b).orElse(""), List.of());
        return new Received(signal, true);
    }

    /** Whether a fupin observation would warn: assessments become signals only when they do. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean wouldWarn(HouseholdEntity household, IncomingSignal incoming) {
        return MONITORED_STATUSES.contains(household.status) && !warnings(household, null, incoming).isEmpty();
    }

    private record Subject(HouseholdEntity household, MemberEntity member) {
    }

    private static Subject match(IncomingSignal incoming) {
        if (incoming.householdId() != null) {
            return new Subject(HouseholdEntity.findById(incoming.householdId()), null);
        }
        if (incoming.idNumber() != null) {
            // A person who moved households has a removed row in the old one: the current membership wins.
            Optional<MemberEntity> member = MemberEntity.<MemberEntity>find("idNumber = ?1 order by case when removedOn is null then 0 else 1 end",
                    incoming.idNumber()).firstResultOptional();
            return member.map(m -> new Subject(m.household, m)).orElse(new Subject(null, null));
        }
        Optional<HouseholdEntity> household = HouseholdEntity.find("householdNo", incoming.householdNumber()).firstResultOptional();
        return new Subject(household.orElse(null), null);
    }

    private List<Warning> warnings(HouseholdEntity household, MemberEntity subject, IncomingSignal incoming) {
        List<MemberEntity> members = MemberEntity.list("household.id = ?1 and removedOn is null", household.id);
        BigDecimal income = AssessmentEntity.latestOnOrBefore(household.id, incoming.occurredOn())
                .map(a -> a.annualIncomePerCapita).orElse(household.annualIncomePerCapita);
        boolean onlyLabourer = subject != null && works(subject)
                && members.stream().filter(m -> !m.id.equals(subject.id)).noneMatch(SignalIntake::works);
        SignalFacts facts = new SignalFacts(incoming.kind(), incoming.occurredOn(), incoming.amount(), income, members.size(),
                onlyLabourer, incoming.failingGuarantees());
        String county = household.villageCode.substring(0, 6);
        return WarningRules.fire(WarningRules.inForce(WarningRuleEntity.forCounty(county), county, incoming.occurredOn()), facts,
                new PovertyLines(registry.povertyLine()));
    }

    private static boolean works(MemberEntity member) {
        return member.laborCapacity == LaborCapacity.FULL || member.laborCapacity == LaborCapacity.PARTIAL;
    }

    private MonitoringAlertEntity open(HouseholdEntity household, LocalDate today) {
        MonitoringAlertEntity alert = new MonitoringAlertEntity();
        alert.id = RowIds.next();
        alert.householdId = household.id;
        alert.villageCode = household.villageCode;
        alert.status = AlertStatus.OPEN;
        alert.openedOn = today;
        alert.dueOn = today.plusDays(config.verificationDays());
        Assignments.Assignee assignee = assignments.of(household.id, household.villageCode);
        alert.assigneeKind = assignee.kind();
        alert.assigneeId = assignee.id();
        alert.createdAt = Instant.now();
        alert.updatedAt = alert.createdAt;
        alert.persist();
        return alert;
    }

    private void persist(SignalEntity signal) {
        signal.persistAndFlush();
        outbox.record(signal.id.toString(), MonitoringEvents.received(signal));
    }

    /**
     * Where an unknown person's signal is reported: the county its ID number was issued in (its first six digits) if
     * fupin knows that county and the sender may write there, else the sender's own county, else nowhere.
     */
    private static String unknownPersonsRegion(String idNumber, RegionScope senderScope) {
        String county = idNumber == null ? null : idNumber.substring(0, 6);
        if (county != null && senderScope.covers(county) && RegionEntity.findById(county) != null) {
            return county;
        }
        String sender = senderScope.empty() ? null : senderScope.prefix();
        return sender == null || sender.length() < 6 ? null : sender.substring(0, 6);
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
