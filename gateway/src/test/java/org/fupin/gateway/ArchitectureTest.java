package org.fupin.gateway;

import org.fupin.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway routes to the services over HTTP and uses none of their classes. */
@AnalyzeClasses(packages = "org.fupin.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule standsAlone = ArchitectureRules.serviceStandsAlone("org.fupin.gateway", ArchitectureRules.SERVICES);
}
