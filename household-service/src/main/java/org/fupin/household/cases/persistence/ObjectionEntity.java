package org.fupin.household.cases.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fupin.household.cases.domain.Finding;
import org.fupin.household.cases.domain.Stage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of case_objection: an objection (異議) filed during a notice, and the township's finding on it. */
@Entity
@Table(name = "case_objection")
public class ObjectionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "filed_on", nullable = false)
    public LocalDate filedOn;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "filed_by_id", nullable = false)
    public String filedById;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    public Finding finding;

    @Column(name = "finding_reason")
    public String findingReason;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "resolved_by_id")
    public String resolvedById;

    @Column(name = "resolved_by")
    public String resolvedBy;

    public boolean pending() {
        return finding == null;
    }

    public static List<ObjectionEntity> of(UUID caseId) {
        return list("caseId = ?1 order by filedAt", caseId);
    }
}
