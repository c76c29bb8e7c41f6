package org.fupin.assistance.organisation.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.fupin.platform.listing.Cursors;
import org.fupin.assistance.organisation.domain.HelperKind;
import org.fupin.assistance.organisation.domain.NewHelper;
import org.fupin.assistance.organisation.domain.OrganisationRules;
import org.fupin.assistance.organisation.persistence.HelperEntity;
import org.fupin.assistance.pairing.domain.PairingPolicy;
import org.fupin.assistance.pairing.domain.PairingRefusal;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.web.ETags;
import org.fupin.platform.web.MergePatch;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/**
 * Registers, changes and reads helpers (幫扶責任人). A registration records {@code helper.registered};
 * a change of capacity never drops below the households the helper has now.
 */
@ApplicationScoped
public class Helpers {

    /** What a merge patch may change. */
    public static final Set<String> PATCHABLE = Set.of("name", "phone", "unitId", "kind", "maxHouseholds");

    /** The filters of the helper list; null fields do not filter. */
    public record Criteria(UUID unitId, HelperKind kind, Boolean available) {
    }

    /** A helper with the number of households currently paired with them. */
    public record Row(UUID id, long seq, String name, String phone, UUID unitId, HelperKind kind, int maxHouseholds,
            int activeHouseholds, long version) {
    }

    private static final String SELECT = """
            select h.id, h.seq, h.name, h.phone, h.unit_id, h.kind, h.max_households,
                   (select count(*) from pairing p
                    where p.helper_id = h.id and p.kind = 'HELPER_HOUSEHOLD' and p.end_date is null) as active,
                   h.version
            from helper h
            """;

    private final EntityManager entityManager;
    private final References references;
    private final Outbox outbox;

    public Helpers(EntityManager entityManager, References references, Outbox outbox) {
        this.entityManager = entityManager;
        this.references = references;
        this.outbox = outbox;
    }

    @Transactional
    public Row register(NewHelper stated, String actor) {
        NewHelper helper = new NewHelper(stated.name(), stated.phone(), stated.unitId(), stated.kind(),
                stated.maxHouseholds() == null ? OrganisationRules.DEFAULT_MAX_HOUSEHOLDS : stated.maxHouseholds());
        List<FieldError> errors = OrganisationRules.checkHelper(helper);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        references.unit(helper.unitId(), "unitId");
        HelperEntity entity = new HelperEntity();
        entity.id = UUID.randomUUID();
        apply(entity, helper);
        entity.createdAt = Instant.now();
        entity.createdBy = actor;
        entity.updatedAt = entity.createdAt;
        entity.persistAndFlush();
        outbox.record(entity.id.toString(), OrganisationEvents.registered(entity));
        return get(entity.id);
    }

    /**
     * Applies a merge patch. The helper's row is locked as a pairing locks it, so that a lowered
     * capacity is checked against a count no concurrent pairing can change.
     */
    @Transactional
    public Row patch(UUID id, MergePatch patch, String ifMatch) {
        HelperEntity helper = HelperEntity.lock(id);
        if (helper == null) {
            throw ProblemException.notFound("Helper " + id);
        }
        ETags.requireMatch(ifMatch, helper.version);
        NewHelper candidate = new NewHelper(
                patch.has("name") ? patch.value("name", String.class) : helper.name,
                patch.has("phone") ? patch.value("phone", String.class) : helper.phone,
                patch.has("unitId") ? patch.value("unitId", UUID.class) : helper.unitId,
                patch.has("kind") ? patch.value("kind", HelperKind.class) : helper.kind,
                patch.has("maxHouseholds") ? patch.value("maxHouseholds", Integer.class) : Integer.valueOf(helper.maxHouseholds));
        List<FieldError> errors = OrganisationRules.checkHelper(candidate);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!candidate.unitId().equals(helper.unitId)) {
            references.unit(candidate.unitId(), "unitId");
        }
        if (candidate.maxHouseholds() != helper.maxHouseholds) {
            int active = activeHouseholds(id);
            PairingPolicy.toSetCapacity(active, candidate.maxHouseholds()).ifPresent(refusal -> {
                throw refusal(refusal, active);
            });
        }
        NewHelper before = stateOf(helper);
        apply(helper, candidate);
        if (stateOf(helper).equals(before)) {
            // An empty patch, or one that restates what is there: nothing changed, so neither does the ETag.
            return get(id);
        }
        helper.updatedAt = Instant.now();
        helper.persistAndFlush();
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Row get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT + " where h.id = :id").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Helper " + id);
        }
        return row(rows.get(0));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Row> page(Criteria criteria, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(criteria, Cursors.seqAfter(page), page.fetchSize()).getResultList();
        return page.page(rows.stream().map(Helpers::row).toList(), row -> String.valueOf(row.seq()));
    }

    /** Every matching helper, for a CSV export; runs inside the caller's transaction. */
    public void each(Criteria criteria, Consumer<Row> sink) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = query(criteria, 0, 0).setHint("org.hibernate.fetchSize", 1000).getResultStream();
        try (rows) {
            rows.map(Helpers::row).forEach(sink);
        }
    }

    /** The households paired with the helper now. */
    public int activeHouseholds(UUID helperId) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from pairing where helper_id = :helper and kind = 'HELPER_HOUSEHOLD' and end_date is null""")
                .setParameter("helper", helperId)
                .getSingleResult()).intValue();
    }

    private Query query(Criteria criteria, long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from (").append(SELECT).append(") h where h.seq > :after");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", after);
        if (criteria.unitId() != null) {
            sql.append(" and h.unit_id = :unit");
            parameters.put("unit", criteria.unitId());
        }
        if (criteria.kind() != null) {
            sql.append(" and h.kind = :kind");
            parameters.put("kind", criteria.kind().name());
        }
        if (criteria.available() != null) {
            sql.append(criteria.available() ? " and h.active < h.max_households" : " and h.active >= h.max_households");
        }
        sql.append(" order by h.seq");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        return query;
    }

    private static Row row(Object[] c) {
        return new Row((UUID) c[0], ((Number) c[1]).longValue(), (String) c[2], (String) c[3], (UUID) c[4],
                HelperKind.valueOf((String) c[5]), ((Number) c[6]).intValue(), ((Number) c[7]).intValue(),
                ((Number) c[8]).longValue());
    }

    private static NewHelper stateOf(HelperEntity entity) {
        return new NewHelper(entity.name, entity.phone, entity.unitId, entity.kind, entity.maxHouseholds);
    }

    private static void apply(HelperEntity entity, NewHelper helper) {
        entity.name = helper.name().strip();
        entity.phone = helper.phone() == null || helper.phone().isBlank() ? null : helper.phone();
        entity.unitId = helper.unitId();
        entity.kind = helper.kind();
        entity.maxHouseholds = helper.maxHouseholds();
    }

    static ProblemException refusal(PairingRefusal refusal, int active) {
        return refusal.problem("The helper has " + active + " active households; the capacity cannot be set below that.");
    }
}
