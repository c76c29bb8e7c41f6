package org.fupin.household.cases.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fupin.household.cases.domain.Stage;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of case_step: who did a stage of a case, in which role, when, with what result and evidence. */
@Entity
@Table(name = "case_step")
public class CaseStepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(nullable = false)
    public String result;

    @Column(name = "acted_on", nullable = false)
    public LocalDate actedOn;

    /** The token's subject: what the four-eyes rule compares. */
    @Column(name = "actor_id", nullable = false)
    public String actorId;

    /** The subject and name, as the history shows them. */
    @Column(nullable = false)
    public String actor;

    /** The roles the actor held, comma-separated: an inspector sees in which capacity they acted. */
    @Column(nullable = false)
    public String roles;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> evidence;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<CaseStepEntity> of(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
