package org.fupin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Each rule fails on a fixture that breaks it and passes on one that keeps it, so that a module's
 * ArchitectureTest passing means its classes keep the rule, not that the rule checks nothing.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "org.fupin.archfixture";

    @Test
    void domainUsingTheTransportOrTheServiceLayerBreaksTheDomainRule() {
        EvaluationResult result = ArchitectureRules.domainIsPlainJava().evaluate(classes(FIXTURE + ".bad"));

        assertThat(violations(result)).anyMatch(v -> v.contains("KafkaAwareRule") && v.contains("org.apache.kafka"))
                .anyMatch(v -> v.contains("ServiceAwareRule") && v.contains("Registrations"));
    }

    @Test
    void plainJavaDomainKeepsTheDomainRule() {
        assertThat(ArchitectureRules.domainIsPlainJava().evaluate(classes(FIXTURE + ".good")).hasViolation()).isFalse();
    }

    @Test
    void resourceQueryingAnEntityOrUsingAWriterBreaksTheResourceRule() {
        EvaluationResult result = ArchitectureRules.resourcesCallServicesNotPersistence().evaluate(classes(FIXTURE + ".bad",
                FIXTURE + ".store"));

        assertThat(violations(result)).anyMatch(v -> v.contains("QueryingResource") && v.contains("findById"))
                .anyMatch(v -> v.contains("WritingResource") && v.contains("ParcelWriter"));
    }

    @Test
    void viewReadingTheFieldsOfAnEntityKeepsTheResourceRule() {
        EvaluationResult result = ArchitectureRules.resourcesCallServicesNotPersistence().evaluate(classes(FIXTURE + ".good",
                FIXTURE + ".store"));

        assertThat(violations(result)).isEmpty();
    }

    @Test
    void serviceUsingAnotherServiceBreaksTheIndependenceRule() {
        List<String> services = List.of(FIXTURE + ".one", FIXTURE + ".two");

        assertThat(violations(ArchitectureRules.serviceStandsAlone(FIXTURE + ".one", services).evaluate(classes(FIXTURE))))
                .anyMatch(v -> v.contains("First") && v.contains("Second"));
        assertThat(ArchitectureRules.serviceStandsAlone(FIXTURE + ".two", services).evaluate(classes(FIXTURE)).hasViolation())
                .isFalse();
    }

    @Test
    void libraryKnowingADomainBreaksTheLibraryRule() {
        EvaluationResult result = ArchitectureRules.librariesKnowNoService(List.of(FIXTURE + ".library"), List.of(FIXTURE + ".one"))
                .evaluate(classes(FIXTURE));

        assertThat(violations(result)).anyMatch(v -> v.contains("Helper") && v.contains("PlainRule"));
    }

    @Test
    void kernelUsingALibraryBreaksTheKernelRule() {
        EvaluationResult result = ArchitectureRules.kernelIsPlainJava(FIXTURE + ".kernel").evaluate(classes(FIXTURE + ".kernel"));

        assertThat(violations(result)).anyMatch(v -> v.contains("Verdict") && v.contains("KafkaException"));
    }

    @Test
    void kernelOfTheJdkAloneKeepsTheKernelRule() {
        assertThat(ArchitectureRules.kernelIsPlainJava(FIXTURE + ".plainkernel").evaluate(classes(FIXTURE + ".plainkernel"))
                .hasViolation()).isFalse();
    }

    private static JavaClasses classes(String... packages) {
        return new ClassFileImporter().importPackages(packages);
    }

    private static List<String> violations(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }
}
