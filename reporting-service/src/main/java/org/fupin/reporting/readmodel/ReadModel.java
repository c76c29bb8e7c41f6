package org.fupin.reporting.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.fupin.events.Topics;
import org.fupin.events.assistance.GroupCreated;
import org.fupin.events.assistance.HelperRegistered;
import org.fupin.events.assistance.HelperUpdated;
import org.fupin.events.assistance.MeasureConfirmed;
import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.MeasureUpdated;
import org.fupin.events.assistance.PairingEnded;
import org.fupin.events.assistance.PairingStarted;
import org.fupin.events.assistance.UnitRegistered;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.assistance.WarZoneDefined;
import org.fupin.events.assistance.WorkTeamAssigned;
import org.fupin.events.household.CaseDecided;
import org.fupin.events.household.CaseObjected;
import org.fupin.events.household.CaseObjectionResolved;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberRestored;
import org.fupin.events.household.MemberUpdated;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RegionUpserted;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.events.household.VillageExitDecided;
import org.fupin.events.household.VillageExitProposed;
import org.fupin.platform.inbox.EventDispatcher;

/**
 * The read model as a whole: its tables, the consumers that feed it from both topics, and the lock
 * that lets a rebuild swap fresh tables in while the live consumers wait. Live consumers take the
 * lock shared in the transaction of every event; the swap takes it exclusively.
 */
@ApplicationScoped
public class ReadModel {

    public static final String HOUSEHOLD_CONSUMER = "reporting.household-read-model";
    public static final String ASSISTANCE_CONSUMER = "reporting.assistance-read-model";

    /** Every table the events fill; a rebuild fills fresh copies of exactly these and swaps them in. */
    public static final List<String> TABLES = List.of("region_fact", "household_fact", "household_status_history",
            "member_fact", "assessment_fact", "pairing_fact", "work_team_fact", "measure_fact", "visit_fact",
            "household_contribution", "village_status_change", "village_status_total", "case_state", "case_stage_duration",
            "village_exit_fact", "signal_fact", "monitoring_alert_fact", "monitoring_alert_step", "risk_clearance_fact",
            "processed_event");

    /** An arbitrary constant naming the advisory lock of the swap ("fupinRM" in ASCII). */
    private static final long SWAP_LOCK = 0x66757069_6e524dL;

    private static final Object SWAP_LOCK_HELD = ReadModel.class.getName() + ".swapLockHeld";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final EventDispatcher householdLive;
    private final EventDispatcher householdReplay;
    private final EventDispatcher assistanceLive;
    private final EventDispatcher assistanceReplay;

    public ReadModel(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            HouseholdProjection households, CaseProjection cases, VillageExitProjection villages, MonitoringProjection monitoring,
            AssistanceProjection assistance) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.householdLive = householdEvents(households, cases, villages, monitoring).beforeEach(this::waitForSwap).build();
        this.householdReplay = householdEvents(households, cases, villages, monitoring).build();
        this.assistanceLive = assistanceEvents(assistance).beforeEach(this::waitForSwap).build();
        this.assistanceReplay = assistanceEvents(assistance).build();
    }

    private static EventDispatcher.Builder householdEvents(HouseholdProjection projection, CaseProjection cases,
            VillageExitProjection villages, MonitoringProjection monitoring) {
        return EventDispatcher.forTopic(Topics.HOUSEHOLD_EVENTS)
                .afterAll(projection::write)
                .on(RegionUpserted.class, projection::regionUpserted)
                .on(HouseholdRegistered.class, projection::registered)
                .on(HouseholdUpdated.class, projection::updated)
                .on(MemberAdded.class, projection::memberAdded)
                .on(MemberUpdated.class, projection::memberUpdated)
                .on(MemberRemoved.class, projection::memberRemoved)
                .on(MemberRestored.class, projection::memberRestored)
                .on(HouseholdStatusChanged.class, projection::statusChanged)
                .on(HouseholdAssessed.class, projection::assessed)
                .on(CaseOpened.class, cases::opened)
                .on(CaseStageCompleted.class, cases::stageCompleted)
                .on(CaseObjected.class, cases::objected)
                .on(CaseObjectionResolved.class, cases::objectionResolved)
                .on(CaseDecided.class, cases::decided)
                .ignore(VillageExitProposed.class)
                .on(VillageExitDecided.class, villages::decided)
                .on(SignalReceived.class, monitoring::signalReceived)
                .on(MonitoringAlertOpened.class, monitoring::alertOpened)
                .on(MonitoringAlertVerified.class, monitoring::alertVerified)
                .on(MonitoringAlertDecided.class, monitoring::alertDecided)
                .on(RiskClearanceProposed.class, monitoring::clearanceProposed)
                .on(RiskClearanceDecided.class, monitoring::clearanceDecided);
    }

    private static EventDispatcher.Builder assistanceEvents(AssistanceProjection projection) {
        return EventDispatcher.forTopic(Topics.ASSISTANCE_EVENTS)
                .on(PairingStarted.class, projection::pairingStarted)
                .on(PairingEnded.class, projection::pairingEnded)
                .on(WorkTeamAssigned.class, projection::workTeamAssigned)
                .on(MeasureRecorded.class, projection::measureRecorded)
                .on(MeasureUpdated.class, projection::measureUpdated)
                .on(MeasureConfirmed.class, projection::measureConfirmed)
                .on(VisitRecorded.class, projection::visitRecorded)
                // Who the helpers, units, groups and war zones are is not something any report counts.
                .ignore(HelperRegistered.class)
                .ignore(HelperUpdated.class)
                .ignore(UnitRegistered.class)
                .ignore(GroupCreated.class)
                .ignore(WarZoneDefined.class);
    }

    /** The dispatcher of the live consumer of a topic: waits while a rebuild swaps the tables. */
    public EventDispatcher live(String topic) {
        return Topics.HOUSEHOLD_EVENTS.equals(topic) ? householdLive : assistanceLive;
    }

    /** The dispatcher of a rebuild, which fills the fresh tables and must never wait for itself. */
    public EventDispatcher replay(String topic) {
        return Topics.HOUSEHOLD_EVENTS.equals(topic) ? householdReplay : assistanceReplay;
    }

    public static String consumerOf(String topic) {
        return Topics.HOUSEHOLD_EVENTS.equals(topic) ? HOUSEHOLD_CONSUMER : ASSISTANCE_CONSUMER;
    }

    /** Held (exclusively) by a rebuild's swap until its transaction ends. */
    public void lockForSwap() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", SWAP_LOCK).getSingleResult();
    }

    /** Once per transaction: a batch of events takes the lock with its first event and holds it to the end. */
    private void waitForSwap() {
        if (transactions.getResource(SWAP_LOCK_HELD) != null) {
            return;
        }
        entityManager.createNativeQuery("select pg_advisory_xact_lock_shared(:key)").setParameter("key", SWAP_LOCK)
                .getSingleResult();
        transactions.putResource(SWAP_LOCK_HELD, Boolean.TRUE);
    }
}
