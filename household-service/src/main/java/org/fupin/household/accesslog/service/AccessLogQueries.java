package org.fupin.household.accesslog.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.kernel.Refusal;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.security.RegionScope;

/**
 * The auditor's view of the access log: entries of callers within the auditor's region, newest first, narrowed
 * by household, member (the person: the household they belong to), caller and period.
 */
@ApplicationScoped
public class AccessLogQueries {

    /** One entry; {@code householdIds} may be a prefix of the entry's households, see {@code householdCount}. */
    public record Entry(long id, Instant at, String subject, List<String> roles, String purpose, String policy,
            String requestId, AccessKind kind, String callerRegion, int householdCount, List<UUID> householdIds) {
    }

    /** The filters; null ones do not narrow. {@code from} inclusive, {@code until} exclusive. */
    public record Criteria(UUID household, UUID member, String subject, Instant from, Instant until, AccessKind kind) {
    }

    private final EntityManager entityManager;

    public AccessLogQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A page of entries, each with at most {@code idsShown} household ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> page(Criteria criteria, RegionScope scope, PageRequest page, int idsShown) {
        // Newest first: the cursor is the id below which the next page starts.
        long before = page.after() == null ? Long.MAX_VALUE : Cursors.seqAfter(page);
        Query query = query(criteria, scope, "id < :before order by id desc limit :limit", idsShown)
                .setParameter("before", before)
                .setParameter("limit", page.fetchSize());
        return page.page(Rows.list(query, AccessLogQueries::entry), entry -> String.valueOf(entry.id()));
    }

    /** One entry with all its households; 404 outside the caller's region. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Entry one(long id, RegionScope scope) {
        Query query = query(new Criteria(null, null, null, null, null, null), scope, "id = :id", Integer.MAX_VALUE)
                .setParameter("id", id);
        List<Entry> found = Rows.list(query, AccessLogQueries::entry);
        if (found.isEmpty()) {
            throw Refusal.notFound("Access log entry " + id);
        }
        return found.get(0);
    }

    /** Every entry that meets the criteria, newest first, with all households, for an export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void each(Criteria criteria, RegionScope scope, Consumer<Entry> sink) {
        Rows.stream(query(criteria, scope, "true order by id desc", Integer.MAX_VALUE), AccessLogQueries::entry)
                .forEach(sink);
    }

    private Query query(Criteria criteria, RegionScope scope, String tail, int idsShown) {
        if (scope.empty()) {
            throw Refusal.notFound("The access log of your region");
        }
        StringBuilder sql = new StringBuilder("""
                select id, at, subject, roles, purpose, policy, request_id, kind, caller_region, household_count,
                       household_ids[1:%d] as household_ids
                from access_log where caller_region like :region""".formatted(Math.max(1, idsShown)));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("region", scope.prefix() + "%");
        UUID household = criteria.household() != null ? criteria.household() : householdOf(criteria.member(), scope);
        if (household != null) {
            sql.append(" and household_ids @> array[cast(:household as uuid)]");
            parameters.put("household", household.toString());
        }
        if (criteria.subject() != null) {
            sql.append(" and subject = :subject");
            parameters.put("subject", criteria.subject());
        }
        if (criteria.from() != null) {
            sql.append(" and at >= :from");
            parameters.put("from", criteria.from());
        }
        if (criteria.until() != null) {
            sql.append(" and at < :until");
            parameters.put("until", criteria.until());
        }
        if (criteria.kind() != null) {
            sql.append(" and kind = :kind");
            parameters.put("kind", criteria.kind().name());
        }
        sql.append(" and ").append(tail);
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        return query;
    }

    /** The household a member belongs to (or belonged to when removed), if it is in the caller's region. */
    private UUID householdOf(UUID member, RegionScope scope) {
        if (member == null) {
            return null;
        }
        List<Row> rows = Rows.list(entityManager.createNativeQuery("""
                select h.id, h.village_code from household_member m join household h on h.id = m.household_id
                where m.id = :member""").setParameter("member", member), row -> row);
        if (rows.isEmpty() || !scope.covers(rows.get(0).text("village_code"))) {
            throw Refusal.notFound("Member " + member);
        }
        return rows.get(0).uuid("id");
    }

    private static Entry entry(Row row) {
        return new Entry(row.count("id"), row.instantOrNull("at"), row.text("subject"), row.texts("roles"),
                row.text("purpose"), row.text("policy"), row.text("request_id"), AccessKind.valueOf(row.text("kind")),
                row.text("caller_region"), (int) row.count("household_count"),
                row.texts("household_ids").stream().map(UUID::fromString).toList());
    }
}
