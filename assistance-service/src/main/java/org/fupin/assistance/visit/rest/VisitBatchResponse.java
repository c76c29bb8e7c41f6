package org.fupin.assistance.visit.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one result per item, in request order. */
@Schema(name = "VisitBatchResponse")
public record VisitBatchResponse(List<VisitResult> results) {
}
