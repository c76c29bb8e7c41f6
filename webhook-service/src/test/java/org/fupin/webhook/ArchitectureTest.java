package org.fupin.webhook;

import org.fupin.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the README's Anatomy describes, checked on the classes of this service: it stands alone, and its
 * resources call the services of their feature, never the database.
 */
@AnalyzeClasses(packages = "org.fupin.webhook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule standsAlone = ArchitectureRules.serviceStandsAlone("org.fupin.webhook", ArchitectureRules.SERVICES);

    @ArchTest
    static final ArchRule resourcesCallServices = ArchitectureRules.resourcesCallServicesNotPersistence();
}
