package org.fupin.assistance.ledger.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.ledger.domain.MeasureType;
import org.fupin.assistance.ledger.service.MeasureSearch;

/** Counts and exact sums of measures by type, and over all. */
@Schema(name = "MeasureTotals")
public record MeasureTotalsView(
        @Schema(description = "The region summed, after narrowing to the caller's; null for the whole county.") String region,
        String groupBy, List<TypeTotal> totals, long count, BigDecimal amount) {

    /** The measures of one type. */
    @Schema(name = "MeasureTypeTotal")
    public record TypeTotal(MeasureType type, long count, @Schema(description = "CNY, exact.") BigDecimal amount) {
    }

    static MeasureTotalsView of(MeasureSearch.Totals totals) {
        return new MeasureTotalsView(totals.region(), "type",
                totals.totals().stream().map(t -> new TypeTotal(t.type(), t.count(), t.amount())).toList(),
                totals.count(), totals.amount());
    }
}
