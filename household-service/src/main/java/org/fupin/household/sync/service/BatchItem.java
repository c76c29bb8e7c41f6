package org.fupin.household.sync.service;

import java.util.Set;
import java.util.UUID;

import org.fupin.household.cases.service.CaseSteps;
import org.fupin.household.registry.domain.Assessment;
import org.fupin.security.Roles;

/**
 * One write an app made offline: its own id (sending it again is harmless), what it writes to (a household, or a case
 * for the steps done in the village) and the version of that the app saw, a digest of the content (the same id with
 * other content is refused), and what to write.
 */
public sealed interface BatchItem {

    /** The kinds of write a batch carries, each open to the roles that may make it as a single request. */
    enum Kind {
        /** As POST /households/{id}/assessments. */
        ASSESSMENT(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE),
        /** 入戶核實, as POST /cases/{id}/verification. */
        VERIFICATION(Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER),
        /** 貧困戶認可, as POST /cases/{id}/acknowledgement. */
        ACKNOWLEDGEMENT(Roles.VILLAGE_CADRE),
        /** 民主評議, as POST /cases/{id}/appraisal. */
        APPRAISAL(Roles.VILLAGE_CADRE);

        private final Set<String> roles;

        Kind(String... roles) {
            this.roles = Set.of(roles);
        }

        public boolean allows(Set<String> callerRoles) {
            return callerRoles.stream().anyMatch(roles::contains);
        }

        public boolean isCaseStep() {
            return this != ASSESSMENT;
        }
    }

    UUID clientId();

    Kind kind();

    /** The household (ASSESSMENT) or case (the steps) the item writes to. */
    UUID targetId();

    /** The version of the household or case the app saw. */
    long baseVersion();

    String contentHash();

    record Assessing(UUID clientId, UUID targetId, long baseVersion, String contentHash, Assessment assessment)
            implements BatchItem {

        public Kind kind() {
            return Kind.ASSESSMENT;
        }
    }

    record Verifying(UUID clientId, UUID targetId, long baseVersion, String contentHash, CaseSteps.Verification verification)
            implements BatchItem {

        public Kind kind() {
            return Kind.VERIFICATION;
        }
    }

    record Acknowledging(UUID clientId, UUID targetId, long baseVersion, String contentHash,
            CaseSteps.Acknowledgement acknowledgement) implements BatchItem {

        public Kind kind() {
            return Kind.ACKNOWLEDGEMENT;
        }
    }

    record Appraising(UUID clientId, UUID targetId, long baseVersion, String contentHash, CaseSteps.Appraisal appraisal)
            implements BatchItem {

        public Kind kind() {
            return Kind.APPRAISAL;
        }
    }
}
