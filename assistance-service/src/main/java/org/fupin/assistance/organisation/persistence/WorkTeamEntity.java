package org.fupin.assistance.organisation.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of work_team: a resident village work team (駐村工作隊) with its leader (第一書記) and members. */
@Entity
@Table(name = "work_team")
public class WorkTeamEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "leader_id", nullable = false)
    public UUID leaderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_team_member", joinColumns = @JoinColumn(name = "work_team_id"))
    @OrderColumn(name = "position")
    @Column(name = "helper_id", nullable = false)
    public List<UUID> memberIds = new ArrayList<>();

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;
}
