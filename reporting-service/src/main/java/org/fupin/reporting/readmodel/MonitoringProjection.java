package org.fupin.reporting.readmodel;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.events.CloudEvent;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;

/**
 * Projects the monitoring (防止返貧動態監測) into dated facts: signals ({@code signal_fact}), alerts as they opened
 * ({@code monitoring_alert_fact}), each verification and decision of an alert ({@code monitoring_alert_step}) and
 * risk clearances ({@code risk_clearance_fact}). Every write is an upsert keyed by the signal, alert, clearance or
 * event, so a redelivery changes nothing; no step updates another's row, so the steps of an alert may arrive
 * before the alert itself and still stand on their own dates. Who is monitored, and for which risk, comes from
 * {@code household.status-changed} in {@link HouseholdProjection}.
 */
@ApplicationScoped
public class MonitoringProjection {

    private final EntityManager entityManager;

    public MonitoringProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void signalReceived(SignalReceived signal, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into signal_fact (signal_id, region_code, village_code, household_id, department, kind, occurred_on,
                    received_on, outcome, alert_id)
                values (:id, :region, :village, :household, :department, :kind, :occurredOn, :receivedOn, :outcome,
                    :alert)
                on conflict (signal_id) do nothing""")
                .setParameter("id", signal.signalId())
                .setParameter("region", signal.regionCode())
                .setParameter("village", signal.villageCode())
                .setParameter("household", signal.householdId())
                .setParameter("department", signal.department())
                .setParameter("kind", signal.kind())
                .setParameter("occurredOn", signal.occurredOn())
                .setParameter("receivedOn", signal.receivedOn())
                .setParameter("outcome", signal.outcome())
                .setParameter("alert", signal.alertId())
                .executeUpdate();
    }

    public void alertOpened(MonitoringAlertOpened opened, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into monitoring_alert_fact (alert_id, household_id, village_code, opened_on, due_on, assignee_kind)
                values (:id, :household, :village, :openedOn, :dueOn, :assignee)
                on conflict (alert_id) do nothing""")
                .setParameter("id", opened.alertId())
                .setParameter("household", opened.householdId())
                .setParameter("village", opened.villageCode())
                .setParameter("openedOn", opened.openedOn())
                .setParameter("dueOn", opened.dueOn())
                .setParameter("assignee", opened.assigneeKind())
                .executeUpdate();
    }

    /** The visit's outcome (RISK_CONFIRMED or DISMISSED) is where the alert stands from the visit's day. */
    public void alertVerified(MonitoringAlertVerified verified, CloudEvent event) {
        step(event, verified.alertId(), verified.villageCode(), verified.verifiedOn(), verified.outcome(), verified.riskType(),
                verified.openedOn());
    }

    /** CONFIRMED from the decision's day, or OPEN again (sent back) until a later verification. */
    public void alertDecided(MonitoringAlertDecided decided, CloudEvent event) {
        step(event, decided.alertId(), decided.villageCode(), decided.decidedOn(), decided.status(), decided.riskType(), null);
    }

    public void clearanceProposed(RiskClearanceProposed proposed, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into risk_clearance_fact (clearance_id, household_id, village_code, proposed_on)
                values (:id, :household, :village, :proposedOn)
                on conflict (clearance_id) do update set proposed_on = excluded.proposed_on""")
                .setParameter("id", proposed.clearanceId())
                .setParameter("household", proposed.householdId())
                .setParameter("village", proposed.villageCode())
                .setParameter("proposedOn", proposed.proposedOn())
                .executeUpdate();
    }

    public void clearanceDecided(RiskClearanceDecided decided, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into risk_clearance_fact (clearance_id, household_id, village_code, decided_on, approved)
                values (:id, :household, :village, :decidedOn, :approved)
                on conflict (clearance_id) do update set decided_on = excluded.decided_on, approved = excluded.approved""")
                .setParameter("id", decided.clearanceId())
                .setParameter("household", decided.householdId())
                .setParameter("village", decided.villageCode())
                .setParameter("decidedOn", decided.decidedOn())
                .setParameter("approved", decided.approved())
                .executeUpdate();
    }

    private void step(CloudEvent event, UUID alertId, String village, LocalDate on, String status, String riskType, LocalDate openedOn) {
        entityManager.createNativeQuery("""
                insert into monitoring_alert_step (event_id, alert_id, village_code, effective_on, status, risk_type, opened_on)
                values (:event, :id, :village, :on, :status, :riskType, cast(:openedOn as date))
                on conflict (event_id) do nothing""")
                .setParameter("event", event.id())
                .setParameter("id", alertId)
                .setParameter("village", village)
                .setParameter("on", on)
                .setParameter("status", status)
                .setParameter("riskType", riskType)
                .setParameter("openedOn", openedOn)
                .executeUpdate();
    }
}
