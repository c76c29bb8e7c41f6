package org.fupin.testing;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The county's calendar as the services see it. The services take "today" in the county's zone
 * (Asia/Shanghai, UTC+8), while CI machines run in UTC: between 16:00 and 24:00 UTC the county is
 * already a day ahead, so a test that asks the JVM for today would disagree with the service.
 */
public final class CountyCalendar {

    /** Same as {@code fupin.*.zone} in the services' application.properties. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
