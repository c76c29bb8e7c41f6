package org.fupin.archfixture.bad.rest;

import org.fupin.archfixture.store.persistence.ParcelEntity;

/** Breaks the rule: a resource that queries an entity itself. */
public class QueryingResource {
    public String label(long id) {
        ParcelEntity parcel = ParcelEntity.findById(id);
        return parcel.label;
    }
}
