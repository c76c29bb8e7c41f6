package org.fupin.archfixture.store.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class ParcelEntity extends PanacheEntityBase {
    @Id
    public long id;
    public String label;
}
