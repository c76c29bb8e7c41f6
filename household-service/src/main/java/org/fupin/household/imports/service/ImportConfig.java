package org.fupin.household.imports.service;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the bulk CSV import of households. */
@ConfigMapping(prefix = "fupin.import")
public interface ImportConfig {

    /** Where uploaded files wait until their job has run; deleted when the job ends. */
    @WithDefault("${java.io.tmpdir}/fupin-imports")
    Path directory();

    /** How many households one transaction registers; progress is published after each. */
    @WithDefault("500")
    int batchSize();

    /** How many rejected rows a job keeps; further ones are counted in errorCount but not kept. */
    @WithDefault("10000")
    int maxErrors();

    /** This instance's name among replicas: a job is run by the instance that holds its file. Default: the host name. */
    Optional<String> instance();
}
