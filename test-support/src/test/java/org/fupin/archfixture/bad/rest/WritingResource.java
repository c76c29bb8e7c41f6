package org.fupin.archfixture.bad.rest;

import org.fupin.archfixture.store.persistence.ParcelEntity;
import org.fupin.archfixture.store.persistence.ParcelWriter;

/** Breaks the rule: a resource that uses a persistence writer. */
public class WritingResource {
    public void store(ParcelEntity parcel) {
        new ParcelWriter().write(parcel);
    }
}
