package org.fupin.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.events.CloudEvent;
import org.fupin.events.assistance.MeasureConfirmed;
import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.MeasureUpdated;
import org.fupin.events.assistance.PairingEnded;
import org.fupin.events.assistance.PairingStarted;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.assistance.WorkTeamAssigned;
import org.fupin.reporting.config.ReportingConfig;

/**
 * Projects assistance events into the facts the assistance report counts: pairings with their
 * dates, work teams, the measure ledger and visits. Helpers, units, groups and war zones are not
 * counted by any report, so their events are ignored (see the consumer). Writes are upserts.
 */
@ApplicationScoped
public class AssistanceProjection {

    private final EntityManager entityManager;
    private final ReportingConfig config;

    public AssistanceProjection(EntityManager entityManager, ReportingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    public void pairingStarted(PairingStarted pairing, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into pairing_fact (pairing_id, kind, household_id, village_code, start_date)
                values (:id, :kind, :household, :village, :start)
                on conflict (pairing_id) do nothing""")
                .setParameter("id", pairing.pairingId())
                .setParameter("kind", pairing.kind())
                .setParameter("household", pairing.householdId())
                .setParameter("village", pairing.villageCode())
                .setParameter("start", pairing.startDate())
                .executeUpdate();
    }

    public void pairingEnded(PairingEnded ended, CloudEvent event) {
        entityManager.createNativeQuery("update pairing_fact set end_date = :end where pairing_id = :id")
                .setParameter("id", ended.pairingId())
                .setParameter("end", ended.endDate())
                .executeUpdate();
    }

    public void workTeamAssigned(WorkTeamAssigned team, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into work_team_fact (work_team_id, village_code, start_date) values (:id, :village, :start)
                on conflict (work_team_id) do update set village_code = excluded.village_code, start_date = excluded.start_date""")
                .setParameter("id", team.workTeamId())
                .setParameter("village", team.villageCode())
                .setParameter("start", team.startDate())
                .executeUpdate();
    }

    public void measureRecorded(MeasureRecorded measure, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into measure_fact (measure_id, type, household_id, village_code, amount, started_on, status)
                values (:id, :type, :household, :village, :amount, :started, :status)
                on conflict (measure_id) do nothing""")
                .setParameter("id", measure.measureId())
                .setParameter("type", measure.type())
                .setParameter("household", measure.householdId())
                .setParameter("village", measure.villageCode())
                .setParameter("amount", measure.amount())
                .setParameter("started", measure.startedOn())
                .setParameter("status", measure.status())
                .executeUpdate();
    }

    public void measureUpdated(MeasureUpdated measure, CloudEvent event) {
        entityManager.createNativeQuery("""
                update measure_fact set type = :type, village_code = :village, amount = :amount, status = :status
                where measure_id = :id""")
                .setParameter("id", measure.measureId())
                .setParameter("type", measure.type())
                .setParameter("village", measure.villageCode())
                .setParameter("amount", measure.amount())
                .setParameter("status", measure.status())
                .executeUpdate();
    }

    public void measureConfirmed(MeasureConfirmed confirmed, CloudEvent event) {
        entityManager.createNativeQuery("update measure_fact set confirmed_on = :on where measure_id = :id")
                .setParameter("id", confirmed.measureId())
                .setParameter("on", confirmed.confirmedOn())
                .executeUpdate();
    }

    public void visitRecorded(VisitRecorded visit, CloudEvent event) {
        entityManager.createNativeQuery("""
                insert into visit_fact (visit_id, household_id, village_code, visited_on, risk_observed)
                values (:id, :household, :village, :on, :risk)
                on conflict (visit_id) do nothing""")
                .setParameter("id", visit.visitId())
                .setParameter("household", visit.householdId())
                .setParameter("village", visit.villageCode())
                // The county's calendar day of the visit, not UTC's.
                .setParameter("on", visit.visitedAt().atZone(config.zone()).toLocalDate())
                .setParameter("risk", visit.riskObserved())
                .executeUpdate();
    }
}
