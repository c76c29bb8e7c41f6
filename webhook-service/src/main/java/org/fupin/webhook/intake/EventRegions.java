package org.fupin.webhook.intake;

import java.util.List;

/**
 * The regions an event is about, which decide the subscriptions it reaches.
 *
 * @param codes the region codes (a household's village, a war zone's townships); empty for a county-wide
 *              record (a unit, a group, a helper); null when unknown (a household this service never saw)
 */
public record EventRegions(List<String> codes) {

    public static final EventRegions UNKNOWN = new EventRegions(null);
    public static final EventRegions COUNTY_WIDE = new EventRegions(List.of());

    public EventRegions {
        codes = codes == null ? null : List.copyOf(codes);
    }

    public static EventRegions of(String code) {
        return new EventRegions(List.of(code));
    }

    public boolean known() {
        return codes != null;
    }

    public boolean countyWide() {
        return codes != null && codes.isEmpty();
    }
}
