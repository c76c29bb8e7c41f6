package org.fupin.household.monitoring.persistence;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A village's resident work team (駐村工作隊), replicated from assistance.events. */
@Entity
@Table(name = "work_team_replica")
public class WorkTeamReplicaEntity extends PanacheEntityBase {

    @Id
    @Column(name = "work_team_id")
    public UUID workTeamId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "leader_id")
    public UUID leaderId;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    /** The team assigned to the village most recently: a new assignment replaces the last. */
    public static Optional<WorkTeamReplicaEntity> currentFor(String villageCode) {
        return find("villageCode = ?1 order by startedOn desc", villageCode).firstResultOptional();
    }
}
