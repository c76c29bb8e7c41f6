package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.InitialStatus;
import org.fupin.household.registry.domain.NewHousehold;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.kernel.Formats;

/** The body of {@code POST /api/v1/households}: a household to register (建檔立卡). */
@Schema(name = "HouseholdRequest")
public record HouseholdRequest(
        @NotBlank @Pattern(regexp = "\\d{12}") @Schema(description = "12-digit code of the village.", examples = "500235101201") String villageCode,
        @NotBlank @Size(max = 200) String address,
        @Size(max = 20) @Schema(description = "Mainland mobile or landline with area code.", pattern = Formats.PHONE,
                examples = "13800138000") String phone,
        @NotNull HouseholdCategory category,
        @NotEmpty @Size(max = 11) List<@NotNull PovertyCause> causes,
        @NotNull PovertyCause primaryCause,
        @NotNull Integer identifiedYear,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
        @Schema(description = "Annual net income per capita in CNY, at most two decimals.") BigDecimal annualIncomePerCapita,
        @Schema(description = "POOR (default) or MONITORED for a marginal household (邊緣戶).") InitialStatus initialStatus,
        @Schema(description = "Date the household entered the register; default today. For households registered before this system.")
        LocalDate registeredOn,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid MemberRequest> members,
        @Size(max = 500) @Schema(description = "Send after a 409 possible-duplicate, when the candidates are other people: why "
                + "(5 to 500 characters). Recorded in the household's history with the candidates.", minLength = 5)
        String duplicateConfirmation) {

    /**
     * The first member that brings a confirmation of its own: that belongs to adding a member alone; a
     * registration confirms for all its members (rule confirmation-per-household).
     */
    OptionalInt memberConfirming() {
        return IntStream.range(0, members.size())
                .filter(i -> members.get(i) != null && members.get(i).duplicateConfirmation() != null).findFirst();
    }

    NewHousehold toDomain() {
        return new NewHousehold(villageCode, address, phone, category, causes, primaryCause, identifiedYear,
                annualIncomePerCapita, initialStatus == null ? InitialStatus.POOR : initialStatus, registeredOn,
                members.stream().map(MemberRequest::toDomain).toList());
    }
}
