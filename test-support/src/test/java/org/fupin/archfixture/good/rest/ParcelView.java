package org.fupin.archfixture.good.rest;

import org.fupin.archfixture.store.persistence.ParcelEntity;

/** Keeps the rule: a view reads the fields of an entity a service returned. */
public record ParcelView(long id, String label) {
    static ParcelView of(ParcelEntity parcel) {
        return new ParcelView(parcel.id, parcel.label);
    }
}
