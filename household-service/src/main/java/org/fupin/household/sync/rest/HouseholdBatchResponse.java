package org.fupin.household.sync.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one result per item, in request order. */
@Schema(name = "HouseholdBatchResponse")
public record HouseholdBatchResponse(List<BatchResultView> results) {
}
