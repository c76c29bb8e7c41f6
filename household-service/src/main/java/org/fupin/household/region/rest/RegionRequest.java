package org.fupin.household.region.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.region.domain.RegionLevel;

/** The body of {@code PUT /api/v1/regions/{code}}. */
@Schema(name = "RegionRequest", description = "Defines or redefines an administrative region.")
public record RegionRequest(
        @NotBlank @Size(min = 1, max = 100) @Schema(examples = "云阳县") String name,
        @NotNull RegionLevel level,
        @Schema(description = "Code of the parent region; absent for the county.", examples = "500235") String parentCode,
        @NotNull @PositiveOrZero @Schema(description = "Rural population (農村人口), the denominator of poverty incidence.") Integer ruralPopulation,
        @Schema(description = "A poor village (貧困村); villages only.") boolean poorVillage,
        @Schema(description = "Deep-poverty (深度貧困) township or village.") boolean deepPoverty) {
}
