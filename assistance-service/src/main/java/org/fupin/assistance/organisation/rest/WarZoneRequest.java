package org.fupin.assistance.organisation.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/war-zones}: townships under one leader (戰區). */
@Schema(name = "WarZoneRequest")
public record WarZoneRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "北部戰區") String name,
        @NotNull @Schema(description = "The helper who leads the zone, usually a county leader.") UUID leaderId,
        @NotEmpty @Size(max = 50) @Schema(description = "9-digit codes of the townships.", examples = "[\"500235101\"]")
        List<@NotNull @Pattern(regexp = "\\d{9}") String> townshipCodes) {
}
