package org.fupin.household.duplicates.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.household.config.DuplicatesConfig;
import org.fupin.household.imports.service.ImportCompleted;
import org.fupin.kernel.Refusal;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.security.RegionFilter;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.security.RegionScope;

/** Scans of the register for duplicates: asked for by a county admin or township officer, run by the worker. */
@ApplicationScoped
public class DuplicateScans {

    /** A scan and what it found. */
    public record Scan(UUID id, String region, String status, String requestedBy, Instant requestedAt, Instant startedAt,
            Instant finishedAt, Integer membersRead, Integer namesRead, Integer pairsFound, Integer pairsNew, String error) {
    }

    /** Fired in the transaction that queues a scan, so that the worker starts after commit. */
    public record ScanQueued(UUID id) {
    }

    private static final String COLUMNS = "id, region, status, requested_by, requested_at, started_at, finished_at, members_read, "
            + "names_read, pairs_found, pairs_new, error";

    private final EntityManager entityManager;
    private final Event<ScanQueued> queued;

    public DuplicateScans(EntityManager entityManager, Event<ScanQueued> queued) {
        this.entityManager = entityManager;
        this.queued = queued;
    }

    /** Queues a scan of {@code region} (null: the caller's whole region); 404 for a region outside it. */
    @Transactional
    public Scan request(String region, RegionScope scope, String actor) {
        String scanned = RegionFilter.within(scope, region);
        if (scanned == null) {
            throw Refusal.notFound("Region");
        }
        UUID id = queue(scanned, actor, false);
        return get(id, scope);
    }

    /**
     * After an import has completed, a scan of its region, unless one is queued already (imports seldom come alone):
     * the rows of an import are not checked one by one against the register; the scan and the review queue are how
     * a county works through a register built from paper.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void afterImport(@Observes ImportCompleted imported, DuplicatesConfig config) {
        if (!config.scanAfterImport()) {
            return;
        }
        queue(imported.region(), "import " + imported.jobId() + " of " + imported.actor(), true);
    }

    /** Queues a scan and wakes the worker after commit; the id, or null when {@code unlessQueued} found one waiting. */
    private UUID queue(String region, String actor, boolean unlessQueued) {
        UUID id = RowIds.next();
        int queuedNow = entityManager.createNativeQuery("""
                insert into duplicate_scan (id, region, requested_by, requested_at, status)
                select :id, :region, :actor, :at, 'QUEUED'
                where not :unlessQueued or not exists (select 1 from duplicate_scan where region = :region and status = 'QUEUED')""")
                .setParameter("id", id).setParameter("region", region).setParameter("actor", actor)
                .setParameter("at", Instant.now()).setParameter("unlessQueued", unlessQueued)
                .executeUpdate();
        if (queuedNow == 0) {
            return null;
        }
        queued.fire(new ScanQueued(id));
        return id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Scan get(UUID id, RegionScope scope) {
        List<Scan> found = Rows.list(entityManager.createNativeQuery("select " + COLUMNS + " from duplicate_scan where id = :id")
                .setParameter("id", id), DuplicateScans::scan);
        if (found.isEmpty() || !scope.covers(found.get(0).region())) {
            throw Refusal.notFound("Duplicate scan " + id);
        }
        return found.get(0);
    }

    /** Claims the oldest queued scan for this instance, if any. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Scan> claim(String instance) {
        List<Scan> claimed = Rows.list(entityManager.createNativeQuery("""
                update duplicate_scan set status = 'RUNNING', instance = :instance, started_at = :now
                where id = (select id from duplicate_scan where status = 'QUEUED' order by requested_at
                            for update skip locked limit 1)
                returning\s""" + COLUMNS).setParameter("instance", instance).setParameter("now", Instant.now()), DuplicateScans::scan);
        return claimed.stream().findFirst();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UUID id, DuplicateScanner.Outcome outcome) {
        entityManager.createNativeQuery("""
                update duplicate_scan set status = 'DONE', finished_at = :now, members_read = :members, names_read = :names,
                       pairs_found = :found, pairs_new = :added where id = :id""")
                .setParameter("now", Instant.now()).setParameter("members", outcome.membersRead())
                .setParameter("names", outcome.namesRead()).setParameter("found", outcome.pairsFound())
                .setParameter("added", outcome.pairsNew()).setParameter("id", id).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID id, String error) {
        entityManager.createNativeQuery("update duplicate_scan set status = 'FAILED', finished_at = :now, error = :error where id = :id")
                .setParameter("now", Instant.now()).setParameter("error", error).setParameter("id", id).executeUpdate();
    }

    /** Scans this instance was running when its previous process ended: they failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failInterrupted(String instance) {
        return entityManager.createNativeQuery("""
                update duplicate_scan set status = 'FAILED', finished_at = :now, error = 'interrupted: the service stopped'
                where status = 'RUNNING' and instance = :instance""")
                .setParameter("now", Instant.now()).setParameter("instance", instance).executeUpdate();
    }

    private static Scan scan(Row row) {
        return new Scan(row.uuid("id"), row.text("region"), row.text("status"), row.text("requested_by"), row.instantOrNull("requested_at"),
                row.instantOrNull("started_at"), row.instantOrNull("finished_at"), row.integerOrNull("members_read"),
                row.integerOrNull("names_read"), row.integerOrNull("pairs_found"), row.integerOrNull("pairs_new"), row.text("error"));
    }
}
