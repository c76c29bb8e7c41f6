package org.fupin.reporting;

import org.fupin.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the README's Anatomy describes, checked on the classes of this service. Reporting has no
 * domain packages: its rules (HouseholdTimeline, VillageExit) sit beside the queries that use them.
 */
@AnalyzeClasses(packages = "org.fupin.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule standsAlone = ArchitectureRules.serviceStandsAlone("org.fupin.reporting", ArchitectureRules.SERVICES);

    @ArchTest
    static final ArchRule resourcesCallServices = ArchitectureRules.resourcesCallServicesNotPersistence();
}
