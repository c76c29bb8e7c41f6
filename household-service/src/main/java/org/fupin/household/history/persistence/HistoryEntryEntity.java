package org.fupin.household.history.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fupin.household.history.domain.FieldChange;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of household_history: one change of a household. */
@Entity
@Table(name = "household_history")
public class HistoryEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String reason;

    /** The case the change belongs to, if any. */
    @Column(name = "case_id")
    public UUID caseId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<FieldChange> changes;

    /** The household's changes in the order they happened, after the given id (keyset pagination). */
    public static List<HistoryEntryEntity> of(UUID householdId, long afterId, int limit) {
        return find("householdId = ?1 and id > ?2 order by id", householdId, afterId).page(0, limit).list();
    }
}
