package org.fupin.household.sync.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed. */
@Schema(name = "HouseholdChanges")
public record ChangePageView(
        List<ChangeView> items,
        @Schema(description = "Where the app now stands: send it as since, at once while hasMore, else at the next sync. Always "
                + "given, also when nothing changed; it stays good for the retention (30 days by default).") String cursor,
        @Schema(description = "More changes wait: call again at once with since=cursor.") boolean hasMore) {
}
