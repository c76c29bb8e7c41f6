package org.fupin.assistance.organisation.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.domain.HelperKind;
import org.fupin.assistance.organisation.domain.NewHelper;
import org.fupin.kernel.Formats;

/** The body of {@code POST /api/v1/helpers}: a person who helps households (幫扶責任人). */
@Schema(name = "HelperRequest")
public record HelperRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "王建國") String name,
        @Size(max = 20) @Schema(description = "Mainland mobile or landline with area code.", pattern = Formats.PHONE,
                examples = "13900001111") String phone,
        @NotNull @Schema(description = "The unit the helper works for.") UUID unitId,
        @NotNull HelperKind kind,
        @Min(1) @Max(100) @Schema(description = "Most households the helper may be paired with at once; default 5.")
        Integer maxHouseholds) {

    NewHelper toDomain() {
        return new NewHelper(name, phone, unitId, kind, maxHouseholds);
    }
}
