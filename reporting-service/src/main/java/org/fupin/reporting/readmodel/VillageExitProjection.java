package org.fupin.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.events.CloudEvent;
import org.fupin.events.household.VillageExitDecided;

/** Projects the county's approvals of village exits (貧困村出列) into {@code village_exit_fact}. */
@ApplicationScoped
public class VillageExitProjection {

    private final EntityManager entityManager;

    public VillageExitProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An approval dates the village's exit; a rejection leaves the village as it was. */
    public void decided(VillageExitDecided decided, CloudEvent event) {
        if (!"APPROVED".equals(decided.outcome())) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into village_exit_fact (village_code, village_exit_id, decided_on) values (:village, :id, :on)
                on conflict (village_code) do update set village_exit_id = excluded.village_exit_id, decided_on = excluded.decided_on""")
                .setParameter("village", decided.villageCode())
                .setParameter("id", decided.villageExitId())
                .setParameter("on", decided.decidedOn())
                .executeUpdate();
    }
}
