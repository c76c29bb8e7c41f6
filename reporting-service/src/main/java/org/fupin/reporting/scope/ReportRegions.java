package org.fupin.reporting.scope;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.kernel.Refusal;
import org.fupin.security.RegionScope;
import org.fupin.platform.sql.Rows;

/**
 * Resolves the {@code region} parameter of a report against the caller's scope: absent means the
 * caller's own region (or the county for callers without one); a region outside the scope is
 * answered as not found, like one that does not exist.
 */
@ApplicationScoped
public class ReportRegions {

    private final EntityManager entityManager;

    public ReportRegions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public ReportRegion resolve(String requested, RegionScope scope) {
        if (scope.empty()) {
            throw Refusal.notFound("Region");
        }
        String code = requested == null || requested.isBlank() ? scope.prefix() : requested;
        if (!scope.covers(code)) {
            throw Refusal.notFound("Region " + code);
        }
        List<ReportRegion> rows = Rows.list(code.isEmpty()
                ? entityManager.createNativeQuery("""
                        select code, name, level, rural_population from region_fact where level = 'COUNTY' order by code limit 1""")
                : entityManager.createNativeQuery("select code, name, level, rural_population from region_fact where code = :code")
                        .setParameter("code", code), ReportRegion::of);
        if (rows.isEmpty()) {
            throw Refusal.notFound("Region " + (code.isEmpty() ? "(county)" : code));
        }
        return rows.get(0);
    }
}
