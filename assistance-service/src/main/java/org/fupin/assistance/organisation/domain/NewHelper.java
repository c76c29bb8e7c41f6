package org.fupin.assistance.organisation.domain;

import java.util.UUID;

/** A helper as stated by a request or by a merge patch applied to the stored one. */
public record NewHelper(String name, String phone, UUID unitId, HelperKind kind, Integer maxHouseholds) {
}
