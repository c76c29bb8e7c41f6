package org.fupin.reporting.scope;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;

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
            throw ProblemException.notFound("Region");
        }
        String code = requested == null || requested.isBlank() ? scope.prefix() : requested;
        if (!scope.covers(code)) {
            throw ProblemException.notFound("Region " + code);
        }
        List<?> rows = code.isEmpty()
                ? entityManager.createNativeQuery("""
                        select code, name, level, rural_population from region_fact where level = 'COUNTY' order by code limit 1""")
                        .getResultList()
                : entityManager.createNativeQuery("select code, name, level, rural_population from region_fact where code = :code")
                        .setParameter("code", code)
                        .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Region " + (code.isEmpty() ? "(county)" : code));
        }
        Object[] row = (Object[]) rows.get(0);
        return new ReportRegion((String) row[0], (String) row[1], (String) row[2],
                row[3] == null ? null : ((Number) row[3]).intValue());
    }
}
