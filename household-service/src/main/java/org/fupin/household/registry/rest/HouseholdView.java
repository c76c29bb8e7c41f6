package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.household.registry.domain.RiskType;

/** A household as the API shows it, its personal fields as the privacy policy lets the caller see them. */
@Schema(name = "Household")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdView(
        UUID id,
        String householdNo,
        String villageCode,
        @Schema(description = "In full, masked (its first four characters and ****) or left out, by the privacy policy.")
        String address,
        @Schema(description = "In full, masked like 138****5678 or left out, by the privacy policy.")
        String phone,
        HouseholdCategory category,
        List<PovertyCause> causes,
        PovertyCause primaryCause,
        int identifiedYear,
        BigDecimal annualIncomePerCapita,
        HouseholdStatus status,
        @Schema(description = "The day the status took effect: for a case's decision, the announcement's (公告) date.")
        LocalDate statusSince,
        RiskType riskType,
        LocalDate noticeEndsOn,
        LocalDate registeredOn,
        Instant updatedAt,
        List<MemberView> members,
        @Schema(description = "The personal fields shown masked to this caller (here and in every member).")
        List<String> masked,
        @Schema(description = "The personal fields left out for this caller: a missing value there is withheld, not unknown.")
        List<String> omitted) {
}
