package org.fupin.assistance.organisation.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.domain.UnitType;

/** The body of {@code POST /api/v1/units}. */
@Schema(name = "UnitRequest")
public record UnitRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "雲陽縣三峽茶業有限公司") String name,
        @NotNull UnitType type,
        @Schema(description = "The assistance group (幫扶集團) the unit belongs to; absent if none.") UUID groupId,
        @Size(max = 12) @Schema(description = "The region the record belongs to (county, township or village code): its callers "
                + "and those above change it, those below read it. Default: the caller's region.", examples = "500235")
        String regionCode) {
}
