package org.fupin.household.imports.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.imports.domain.ImportStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of household_import: one import job, its owner, its file and its progress. */
@Entity
@Table(name = "household_import")
public class ImportJobEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token subject of whoever started the job; only they (and county admins) may read it. */
    @Column(nullable = false)
    public String caller;

    /** Who registered the households, as history records it. */
    @Column(nullable = false)
    public String actor;

    /** The region the importer may register in; empty for the whole county. */
    @Column(name = "region_scope", nullable = false)
    public String regionScope;

    /** The instance holding the spooled file; only it runs the job. */
    @Column(nullable = false)
    public String instance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_path", nullable = false)
    public String filePath;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    /** Data rows (members) in the file. */
    @Column(nullable = false)
    public int total;

    /** Data rows handled so far. */
    @Column(nullable = false)
    public int processed;

    /** Households registered. */
    @Column(nullable = false)
    public int succeeded;

    /** Households skipped because a row of theirs was rejected. */
    @Column(nullable = false)
    public int failed;

    /** Rejected rows found, kept or not. */
    @Column(name = "error_count", nullable = false)
    public int errorCount;

    /** Why a FAILED job stopped. */
    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;
}
