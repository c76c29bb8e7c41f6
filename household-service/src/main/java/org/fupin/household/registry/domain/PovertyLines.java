package org.fupin.household.registry.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The poverty line (貧困線) per year, in CNY of annual income per person. */
public final class PovertyLines {

    private final TreeMap<Integer, BigDecimal> byYear;

    public PovertyLines(Map<Integer, BigDecimal> byYear) {
        this.byYear = new TreeMap<>(byYear);
    }

    /**
     * The line of the year; for a year after the last configured one, the last line stays in force
     * until the county configures a new one, as the 2020 line did after 2020.
     */
    public Optional<BigDecimal> forYear(int year) {
        BigDecimal exact = byYear.get(year);
        if (exact != null) {
            return Optional.of(exact);
        }
        Map.Entry<Integer, BigDecimal> earlier = byYear.floorEntry(year);
        return earlier == null ? Optional.empty() : Optional.of(earlier.getValue());
    }
}
