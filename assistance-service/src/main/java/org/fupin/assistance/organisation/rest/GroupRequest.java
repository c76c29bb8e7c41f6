package org.fupin.assistance.organisation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/assistance-groups}. */
@Schema(name = "AssistanceGroupRequest")
public record GroupRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "第三幫扶集團") String name,
        @Size(max = 12) @Schema(description = "The region the record belongs to (county, township or village code): its callers "
                + "and those above change it, those below read it. Default: the caller's region.", examples = "500235")
        String regionCode) {
}
