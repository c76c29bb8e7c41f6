package org.fupin.household.config;

import java.util.Map;

import org.fupin.household.notices.domain.NameDisplay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How public notice lists (公示名單) and announcements (公告) show names; ID numbers are always masked. */
@ConfigMapping(prefix = "fupin.notices")
public interface NoticesConfig {

    /** The default for every county: FULL, MASKED (張*豐) or NONE. */
    @WithDefault("MASKED")
    NameDisplay names();

    /** A county's own choice, by county code: fupin.notices.county-names."500236"=FULL. */
    Map<String, NameDisplay> countyNames();

    /** Longest period one announcement list covers, in days. */
    @WithDefault("366")
    int maxAnnouncementDays();

    default NameDisplay namesIn(String regionCode) {
        String county = regionCode.length() >= 6 ? regionCode.substring(0, 6) : regionCode;
        return countyNames().getOrDefault(county, names());
    }
}
