package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.service.HouseholdSearch;
import org.fupin.platform.listing.Csv;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;

/** A household in a list: its facts and its head, without the other members. */
@Schema(name = "HouseholdSummary")
public record HouseholdSummary(
        UUID id,
        String householdNo,
        String villageCode,
        String status,
        @Schema(description = "The monitoring risk type of a household under monitoring (監測戶); else null.", nullable = true)
        String riskType,
        String category,
        String primaryCause,
        List<String> causes,
        int identifiedYear,
        BigDecimal annualIncomePerCapita,
        LocalDate registeredOn,
        @Schema(description = "In full, masked or left out as the privacy policy lets the caller see names.", nullable = true)
        String headName,
        @Schema(description = "In full, masked or left out as the privacy policy lets the caller see ID numbers.", nullable = true)
        String headIdNumber,
        int memberCount) {

    /** The CSV columns of a household list export. */
    static final Csv<HouseholdSummary> CSV = Csv.of(HouseholdSummary.class)
            .column("householdNo", HouseholdSummary::householdNo)
            .column("id", HouseholdSummary::id)
            .column("villageCode", HouseholdSummary::villageCode)
            .column("status", HouseholdSummary::status)
            .column("riskType", HouseholdSummary::riskType)
            .column("category", HouseholdSummary::category)
            .column("primaryCause", HouseholdSummary::primaryCause)
            .column("causes", h -> String.join("|", h.causes()))
            .column("identifiedYear", HouseholdSummary::identifiedYear)
            .column("annualIncomePerCapita", HouseholdSummary::annualIncomePerCapita)
            .column("registeredOn", HouseholdSummary::registeredOn)
            .column("headName", HouseholdSummary::headName)
            .column("headIdNumber", HouseholdSummary::headIdNumber)
            .column("memberCount", HouseholdSummary::memberCount);

    static HouseholdSummary of(HouseholdSearch.Row row, FieldAccess access) {
        String region = row.villageCode();
        return new HouseholdSummary(row.id(), row.householdNo(), row.villageCode(), row.status(), row.riskType(),
                row.category(), row.primaryCause(), row.causes(), row.identifiedYear(), row.annualIncomePerCapita(),
                row.registeredOn(), access.text(PersonalField.NAME, region, row.headName()),
                access.text(PersonalField.ID_NUMBER, region, row.headIdNumber()), row.memberCount());
    }
}
