package org.fupin.household.sync.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.sync.domain.ChangeCursor;
import org.fupin.platform.security.RegionFilter;
import org.fupin.platform.sql.Rows;
import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;

import io.quarkus.scheduler.Scheduled;

/**
 * What changed in a region since an app's cursor: each household once, with its state now, in commit order; a
 * household that moved out of the region (or out of the caller's sight) as one that left. The rows come from
 * {@code household_change}, which triggers keep in the transaction of every change.
 */
@ApplicationScoped
public class ChangeFeed {

    /** Problem code of a cursor older than the retention. */
    public static final String CURSOR_EXPIRED = "cursor-expired";

    /** One household's latest change, as the app sees it: its state mapped for the caller, or gone from its region. */
    public record Change<T>(UUID householdId, boolean left, long version, T household) {
    }

    /** A page of changes and the cursor to continue from (always given: an app keeps it for its next sync). */
    public record ChangePage<T>(List<Change<T>> items, String cursor, boolean hasMore) {
    }

    /** Changes in commit order after the cursor (a row being changed again meanwhile shows as last committed). */
    private static final String CHANGES = """
            select c.household_id, c.village_code, c.seq
            from household_change c
            where c.seq > :seq
              and (c.village_code like :region or exists (select 1 from unnest(c.left_villages) v where v like :region))
            order by c.seq
            limit :limit
            """;

    private record Row(UUID householdId, String villageCode, long seq) {
    }

    private final EntityManager entityManager;
    private final RegistryConfig config;
    private final Clock clock = Clock.systemUTC();

    public ChangeFeed(EntityManager entityManager, RegistryConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * @param since the cursor of the app's last sync; null for a first sync (every household of the region)
     * @param viewer maps a household in scope for the caller (masked as its lists are), inside the transaction
     */
    @Transactional
    public <T> ChangePage<T> page(String region, ChangeCursor since, int limit, RegionScope scope, Function<HouseholdEntity, T> viewer) {
        Instant now = clock.instant();
        String prefix = RegionFilter.within(scope, region);
        if (since != null && since.expired(now, config.syncRetention())) {
            throw new ProblemException(410, CURSOR_EXPIRED, "The cursor is older than " + config.syncRetention().toDays()
                    + " days, the time the feed keeps what apps need to learn. Sync from scratch: call again without since, "
                    + "and replace what the app holds with what it gets.");
        }
        ChangeCursor from = since == null ? ChangeCursor.start(now) : since;
        List<Row> rows = Rows.list(entityManager.createNativeQuery(CHANGES)
                .setParameter("seq", from.seq())
                .setParameter("region", prefix + "%")
                .setParameter("limit", limit + 1),
                row -> new Row(row.uuid("household_id"), row.text("village_code"), row.count("seq")));
        boolean hasMore = rows.size() > limit;
        List<Row> page = hasMore ? rows.subList(0, limit) : rows;
        Map<UUID, HouseholdEntity> households = page.isEmpty() ? Map.of()
                : HouseholdEntity.<HouseholdEntity>list("id in ?1", page.stream().map(Row::householdId).toList()).stream()
                        .collect(Collectors.toMap(h -> h.id, h -> h));
        List<Change<T>> changes = new ArrayList<>(page.size());
        for (Row row : page) {
            HouseholdEntity household = households.get(row.householdId());
            boolean inSight = household != null && household.villageCode.startsWith(prefix) && scope.covers(household.villageCode);
            changes.add(inSight
                    ? new Change<>(row.householdId(), false, household.version, viewer.apply(household))
                    : new Change<>(row.householdId(), true, household == null ? 0 : household.version, null));
        }
        ChangeCursor next = page.isEmpty() ? from.reissued(now)
                : new ChangeCursor(now, page.get(page.size() - 1).seq());
        return new ChangePage<>(changes, next.encode(), hasMore);
    }

    /**
     * Forgets, after the retention (and an hour's margin), which villages households left: no cursor that could still
     * need it is accepted any more.
     */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetDepartures() {
        entityManager.createNativeQuery("update household_change set left_villages = '{}' "
                + "where left_villages <> '{}' and changed_at < :before")
                .setParameter("before", clock.instant().minus(config.syncRetention()).minus(java.time.Duration.ofHours(1)))
                .executeUpdate();
    }
}
