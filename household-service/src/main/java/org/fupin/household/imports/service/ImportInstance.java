package org.fupin.household.imports.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/** The name of this instance among replicas: the instance holding a spooled file is the one that runs its job. */
@ApplicationScoped
public class ImportInstance {

    private final String name;

    public ImportInstance(ImportConfig config) {
        this.name = config.instance().orElseGet(ImportInstance::hostName);
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
