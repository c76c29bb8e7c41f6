package org.fupin.archfixture.bad.service;

public class Registrations {
    public boolean open() {
        return true;
    }
}
