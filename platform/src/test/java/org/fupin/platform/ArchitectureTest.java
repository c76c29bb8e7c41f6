package org.fupin.platform;

import org.fupin.testing.ArchitectureRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared libraries (platform, kernel, security, events, problem) know no service and no domain. */
@AnalyzeClasses(packages = { "org.fupin.platform", "org.fupin.kernel", "org.fupin.security", "org.fupin.events", "org.fupin.problem" },
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule librariesKnowNoService = ArchitectureRules.librariesKnowNoService(ArchitectureRules.LIBRARIES,
            ArchitectureRules.SERVICES);

    @ArchTest
    static final ArchRule kernelIsPlainJava = ArchitectureRules.kernelIsPlainJava("org.fupin.kernel");
}
