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
import org.fupin.assistance.organisation.persistence.UnitEntity;
import org.fupin.security.RegionScope;
import org.fupin.assistance.pairing.domain.PairingPolicy;
import org.fupin.assistance.pairing.domain.PairingRefusal;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.sql.Rows;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.platform.web.MergePatch;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * Registers, changes and reads helpers (幫扶責任人). A registration records {@code helper.registered}, a
 * change of unit, kind or capacity {@code helper.updated}; a change of capacity never drops below the
 * households the helper has now. A helper belongs to the region of their unit ({@link OrganisationScope}).
 */
@ApplicationScoped
public class Helpers {

    /** What a merge patch may change. */
    public static final Set<String> PATCHABLE = Set.of("name", "phone", "unitId", "kind", "maxHouseholds");

    /** The filters of the helper list; null fields do not filter. */
    public record Criteria(UUID unitId, HelperKind kind, Boolean available) {
    }

    /** A helper with the number of households currently paired with them. */
    public record Row(UUID id, long seq, String name, String phone, UUID unitId, String regionCode, HelperKind kind,
            int maxHouseholds, int activeHouseholds, long version) {
    }

    private static final String SELECT = """
            select h.id, h.seq, h.name, h.phone, h.unit_id, h.region_code, h.kind, h.max_households,
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
    public Row register(NewHelper stated, RegionScope scope, String actor) {
        NewHelper helper = new NewHelper(stated.name(), stated.phone(), stated.unitId(), stated.kind(),
                stated.maxHouseholds() == null ? OrganisationRules.DEFAULT_MAX_HOUSEHOLDS : stated.maxHouseholds());
        List<Violation> errors = OrganisationRules.checkHelper(helper);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        UnitEntity unit = references.writableUnit(helper.unitId(), "unitId", scope);
        HelperEntity entity = new HelperEntity();
        entity.id = UUID.randomUUID();
        apply(entity, helper);
        entity.regionCode = unit.regionCode;
        entity.createdAt = Instant.now();
        entity.createdBy = actor;
        entity.updatedAt = entity.createdAt;
        entity.persistAndFlush();
        outbox.record(entity.id.toString(), OrganisationEvents.registered(entity));
        return get(entity.id, scope);
    }

    /**
     * Applies a merge patch. The helper's row is locked as a pairing locks it, so that a lowered
     * capacity is checked against a count no concurrent pairing can change.
     */
    @Transactional
    public Row patch(UUID id, MergePatch patch, ExpectedVersion expected, RegionScope scope) {
        // Changed only from the helper's region and above: scope.require, not requireWithinOrAbove.
        HelperEntity helper = scope.require(HelperEntity.lock(id), h -> h.regionCode, "Helper " + id);
        expected.check(helper.version);
        NewHelper candidate = new NewHelper(
                patch.has("name") ? patch.value("name", String.class) : helper.name,
                patch.has("phone") ? patch.value("phone", String.class) : helper.phone,
                patch.has("unitId") ? patch.value("unitId", UUID.class) : helper.unitId,
                patch.has("kind") ? patch.value("kind", HelperKind.class) : helper.kind,
                patch.has("maxHouseholds") ? patch.value("maxHouseholds", Integer.class) : Integer.valueOf(helper.maxHouseholds));
        List<Violation> errors = OrganisationRules.checkHelper(candidate);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        String region = helper.regionCode;
        if (!candidate.unitId().equals(helper.unitId)) {
            region = references.writableUnit(candidate.unitId(), "unitId", scope).regionCode;
        }
        if (candidate.maxHouseholds() != helper.maxHouseholds) {
            int active = activeHouseholds(id);
            PairingPolicy.toSetCapacity(active, candidate.maxHouseholds()).ifPresent(refusal -> {
                throw refusal(refusal, active);
            });
        }
        NewHelper before = stateOf(helper);
        apply(helper, candidate);
        helper.regionCode = region;
        if (stateOf(helper).equals(before)) {
            // An empty patch, or one that restates what is there: nothing changed, so neither does the ETag.
            return get(id, scope);
        }
        helper.updatedAt = Instant.now();
        helper.persistAndFlush();
        if (!unitKindCapacity(before).equals(unitKindCapacity(candidate))) {
            outbox.record(helper.id.toString(), OrganisationEvents.updated(helper));
        }
        return get(id, scope);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Row get(UUID id, RegionScope scope) {
        List<Row> rows = Rows.list(entityManager.createNativeQuery(SELECT + " where h.id = :id").setParameter("id", id), Helpers::row);
        return scope.requireWithinOrAbove(rows.isEmpty() ? null : rows.get(0), Row::regionCode, "Helper " + id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Row> page(Criteria criteria, RegionScope scope, PageRequest page) {
        List<Row> rows = Rows.list(query(criteria, scope, Cursors.seqAfter(page), page.fetchSize()), Helpers::row);
        return page.page(rows, row -> String.valueOf(row.seq()));
    }

    /** Every matching helper the caller may read, for a CSV export; runs inside the caller's transaction. */
    public void each(Criteria criteria, RegionScope scope, Consumer<Row> sink) {
        try (Stream<Row> rows = Rows.stream(query(criteria, scope, 0, 0).setHint("org.hibernate.fetchSize", 1000), Helpers::row)) {
            rows.forEach(sink);
        }
    }

    /** The households paired with the helper now. */
    public int activeHouseholds(UUID helperId) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from pairing where helper_id = :helper and kind = 'HELPER_HOUSEHOLD' and end_date is null""")
                .setParameter("helper", helperId)
                .getSingleResult()).intValue();
    }

    private Query query(Criteria criteria, RegionScope scope, long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from (").append(SELECT).append(") h where h.seq > :after");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", after);
        if (scope.empty()) {
            sql.append(" and false");
        } else if (!scope.unrestricted()) {
            // Within the caller's region, or above it on the caller's line (OrganisationScope).
            sql.append(" and (h.region_code like :scopeBelow or :scope like h.region_code || '%')");
            parameters.put("scopeBelow", scope.prefix() + "%");
            parameters.put("scope", scope.prefix());
        }
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

    private static Row row(org.fupin.platform.sql.Row c) {
        return new Row(c.uuid("id"), c.count("seq"), c.text("name"), c.text("phone"), c.uuid("unit_id"), c.text("region_code"),
                HelperKind.valueOf(c.text("kind")), (int) c.count("max_households"), (int) c.count("active"), c.count("version"));
    }

    /** What {@code helper.updated} carries: a change of name or phone alone publishes nothing. */
    private static List<Object> unitKindCapacity(NewHelper helper) {
        return List.of(helper.unitId(), helper.kind(), helper.maxHouseholds());
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

    static Refusal refusal(PairingRefusal refusal, int active) {
        return refusal.because("The helper has " + active + " active households; the capacity cannot be set below that.");
    }
}
