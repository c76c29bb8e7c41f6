package org.fupin.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules the READMEs state, as ArchUnit rules that each module's {@code ArchitectureTest}
 * checks against its own classes. Written against package patterns, not our package names, so that
 * {@code ArchitectureRulesTest} can prove on small fixtures that each rule fails when broken.
 */
public final class ArchitectureRules {

    /** The services of the suite, by root package; each is deployed alone and shares code only through libraries. */
    public static final List<String> SERVICES = List.of("org.fupin.household", "org.fupin.assistance", "org.fupin.reporting",
            "org.fupin.webhook", "org.fupin.gateway");

    /** The shared libraries, which serve every service and so know none of them. */
    public static final List<String> LIBRARIES = List.of("org.fupin.platform", "org.fupin.kernel", "org.fupin.security",
            "org.fupin.events", "org.fupin.problem");

    private ArchitectureRules() {
    }

    /** No class of {@code service} uses a class of another service: services talk over HTTP and events only. */
    public static ArchRule serviceStandsAlone(String service, List<String> services) {
        String[] others = services.stream().filter(other -> !other.equals(service)).map(other -> other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as("no class of " + service + " uses another service (" + String.join(", ", others) + ")");
    }

    /** The shared libraries know no service and no service's domain. */
    public static ArchRule librariesKnowNoService(List<String> libraries, List<String> services) {
        return noClasses().that().resideInAnyPackage(packages(libraries))
                .should().dependOnClassesThat().resideInAnyPackage(packages(services))
                .orShould().dependOnClassesThat().resideInAPackage("..domain..")
                .as("the libraries (" + String.join(", ", libraries) + ") know no service and no domain");
    }

    /** The kernel is the vocabulary every layer shares, so it depends on nothing but the JDK. */
    public static ArchRule kernelIsPlainJava(String kernel) {
        return classes().that().resideInAPackage(kernel + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", kernel + "..")
                .as("the kernel (" + kernel + ") depends on nothing but the JDK");
    }

    /**
     * Domain packages hold the rules in plain Java: no HTTP, no persistence, no problem documents, no
     * framework, and nothing of the layers above them. Refusals are the kernel's {@code Refusal}.
     */
    public static ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..", "org.hibernate..",
                        "io.quarkus..", "jakarta.enterprise..", "jakarta.transaction..", "io.vertx..", "org.apache.kafka..",
                        "org.fupin.problem..", "org.fupin.platform..", "..rest..", "..service..", "..persistence..")
                .as("domain packages use no JAX-RS, JPA, Hibernate, Quarkus, Kafka, problem documents or platform, "
                        + "and nothing of rest, service or persistence");
    }

    /**
     * Resources call services, not persistence: no query, persist or delete of Panache or the entity
     * manager in a resource, and no persistence class other than an entity (which a view may read).
     */
    public static ArchRule resourcesCallServicesNotPersistence() {
        return noClasses().that().resideInAPackage("..rest..").or().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().accessTargetWhere(declaredIn("io.quarkus.hibernate.orm.panache", "io.quarkus.panache"))
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "io.quarkus.hibernate.orm.panache..")
                .orShould().dependOnClassesThat(persistenceButNotEntity())
                .as("resources call services: no Panache, EntityManager or Hibernate calls and no persistence class "
                        + "but entities in resources and rest packages");
    }

    /** An access whose target member is declared (perhaps inherited) in one of the packages. */
    private static DescribedPredicate<JavaAccess<?>> declaredIn(String... packages) {
        return DescribedPredicate.describe("a member declared in " + Arrays.toString(packages), access -> {
            String owner = access.getTarget().resolveMember().map(JavaMember::getOwner)
                    .orElse(access.getTarget().getOwner()).getPackageName();
            return Arrays.stream(packages).anyMatch(owner::startsWith);
        });
    }

    private static DescribedPredicate<JavaClass> persistenceButNotEntity() {
        return DescribedPredicate.describe("a persistence class that is not an entity", type ->
                type.getPackageName().matches(".*\\.persistence(\\..*)?") && !type.getPackageName().startsWith("jakarta.")
                        && !type.isAnnotatedWith("jakarta.persistence.Entity")
                        && !type.isAnnotatedWith("jakarta.persistence.Embeddable"));
    }

    private static String[] packages(List<String> roots) {
        return roots.stream().map(root -> root + "..").toArray(String[]::new);
    }
}
