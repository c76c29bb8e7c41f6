package org.fupin.household.cases.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.security.RegionScope;

/** Loads a case the caller may see; one of a village outside the caller's region does not exist for them. */
@ApplicationScoped
public class CaseLoader {

    public CaseEntity inScope(UUID id, RegionScope scope) {
        return scope.require(CaseEntity.<CaseEntity>findById(id), c -> c.villageCode, "Case " + id);
    }
}
