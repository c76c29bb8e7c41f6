package org.fupin.events.household;

import java.util.UUID;

/** The non-personal facts of a household member that reports and assistance need; no name, no ID number. */
public record MemberFacts(
        UUID memberId,
        String relation,
        String gender,
        int birthYear,
        String health,
        Integer disabilityGrade,
        boolean severeMentalIllness,
        String education,
        String laborCapacity,
        boolean medicalInsurance,
        boolean migrantWorker) {
}
