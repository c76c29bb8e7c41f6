package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.service.HouseholdSearch;

/** A household in a list: its facts and its head, without the other members. */
@Schema(name = "HouseholdSummary")
public record HouseholdSummary(
        UUID id,
        String householdNo,
        String villageCode,
        String status,
        String riskType,
        String category,
        String primaryCause,
        List<String> causes,
        int identifiedYear,
        BigDecimal annualIncomePerCapita,
        LocalDate registeredOn,
        String headName,
        @Schema(description = "Masked like the ID numbers of a household view.") String headIdNumber,
        int memberCount) {

    static HouseholdSummary of(HouseholdSearch.Row row, boolean showIdNumbers) {
        String idNumber = row.headIdNumber() == null || showIdNumbers ? row.headIdNumber() : IdNumber.mask(row.headIdNumber());
        return new HouseholdSummary(row.id(), row.householdNo(), row.villageCode(), row.status(), row.riskType(),
                row.category(), row.primaryCause(), row.causes(), row.identifiedYear(), row.annualIncomePerCapita(),
                row.registeredOn(), row.headName(), idNumber, row.memberCount());
    }
}
