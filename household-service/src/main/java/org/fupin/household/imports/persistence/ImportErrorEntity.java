package org.fupin.household.imports.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of household_import_error: one rejected cell or row of an import. Written by {@link ImportJobWriter}. */
@Entity
@Table(name = "household_import_error")
public class ImportErrorEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "import_id", nullable = false)
    public UUID importId;

    @Column(name = "row_no", nullable = false)
    public long row;

    public String field;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> params;

    /** The job's errors in row order after the given (row, id) position (keyset pagination). */
    public static List<ImportErrorEntity> of(UUID importId, long afterRow, long afterId, int limit) {
        return find("importId = ?1 and (row > ?2 or (row = ?2 and id > ?3)) order by row, id", importId, afterRow, afterId)
                .page(0, limit).list();
    }
}
