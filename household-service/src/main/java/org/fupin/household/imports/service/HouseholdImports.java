package org.fupin.household.imports.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.fupin.household.imports.domain.ImportStatus;
import org.fupin.household.imports.persistence.ImportErrorEntity;
import org.fupin.household.imports.persistence.ImportJobEntity;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Refusal;

/**
 * Import jobs as their owners see them: queueing a spooled file, reading a job and its rejected
 * rows. A job is visible to whoever started it and to the county admins of its region; to anyone
 * else it does not exist.
 */
@ApplicationScoped
public class HouseholdImports {

    private final ImportInstance instance;
    private final Event<ImportQueued> queued;

    public HouseholdImports(ImportInstance instance, Event<ImportQueued> queued) {
        this.instance = instance;
        this.queued = queued;
    }

    /** Creates the job of a spooled file; this instance's worker takes it after commit. */
    @Transactional
    public ImportJobEntity queue(SpooledFile file, String fileName, String caller, String actor, RegionScope scope) {
        ImportJobEntity job = new ImportJobEntity();
        job.id = UUID.randomUUID();
        job.caller = caller;
        job.actor = actor;
        job.regionScope = scope.prefix();
        job.instance = instance.name();
        job.status = ImportStatus.QUEUED;
        job.fileName = fileName;
        job.filePath = file.path().toString();
        job.fileSha256 = file.sha256();
        job.total = Math.toIntExact(file.rows());
        job.createdAt = Instant.now();
        job.persist();
        queued.fire(new ImportQueued(job.id));
        return job;
    }

    /**
     * The job if the caller may see it: they started it, or they are a county admin whose region
     * holds the job's (the region its starter worked in); 404 otherwise, as for a job that does not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJobEntity get(UUID id, String caller, boolean countyAdmin, RegionScope scope) {
        ImportJobEntity job = ImportJobEntity.findById(id);
        if (job == null || !scope.covers(job.regionScope) || !(countyAdmin || job.caller.equals(caller))) {
            throw Refusal.notFound("Import " + id);
        }
        return job;
    }

    /** The first rejected rows of a job in row order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportErrorEntity> firstErrors(UUID id, int limit) {
        return ImportErrorEntity.of(id, 0, 0, limit);
    }

    /** All rejected rows of a job in row order, page by page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImportErrorEntity> errors(UUID id, PageRequest page) {
        long afterRow = 0;
        long afterId = 0;
        if (page.after() != null) {
            String[] key = page.after().split(":");
            try {
                afterRow = Long.parseLong(key[0]);
                afterId = Long.parseLong(key[1]);
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-cursor", "The cursor is not one this list issued; start again without it.");
            }
        }
        return page.page(ImportErrorEntity.of(id, afterRow, afterId, page.fetchSize()), error -> error.row + ":" + error.id);
    }
}
