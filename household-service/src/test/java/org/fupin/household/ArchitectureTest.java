package org.fupin.household;

import org.fupin.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the README's Anatomy describes, checked on the classes of this service. */
@AnalyzeClasses(packages = "org.fupin.household", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule standsAlone = ArchitectureRules.serviceStandsAlone("org.fupin.household", ArchitectureRules.SERVICES);

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.domainIsPlainJava();

    @ArchTest
    static final ArchRule resourcesCallServices = ArchitectureRules.resourcesCallServicesNotPersistence();
}
