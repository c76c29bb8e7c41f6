package org.fupin.archfixture.store.persistence;

public class ParcelWriter {
    public void write(ParcelEntity parcel) {
    }
}
