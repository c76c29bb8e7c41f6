package org.fupin.household.registry.service;

import org.fupin.household.registry.domain.Dimension;
import org.fupin.household.registry.persistence.AssessmentEntity;
import org.fupin.household.registry.persistence.HouseholdEntity;

/**
 * Fired (synchronously, in the assessment's transaction) once an assessment is stored, so that the monitoring can
 * treat it as a cadre's observation without the registry knowing about monitoring.
 */
public record AssessmentRecorded(HouseholdEntity household, AssessmentEntity assessment, java.util.List<Dimension> failingGuarantees) {
}
