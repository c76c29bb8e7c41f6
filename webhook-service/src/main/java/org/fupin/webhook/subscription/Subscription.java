package org.fupin.webhook.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.fupin.security.RegionScope;
import org.fupin.security.TokenRules;
import org.fupin.webhook.intake.EventRegions;

/**
 * A system's standing order for events: which types, of which region, to which URL, signed with which secret.
 *
 * @param regionCode the region whose events it receives ("" for every region)
 * @param owner the subject of the token that made it; an integrator sees only its own
 */
public record Subscription(UUID id, String owner, String regionCode, URI url, List<String> eventTypes, String secret,
        String description, Status status, String suspendedReason, Instant suspendedAt, Instant createdAt, String createdBy,
        long version) {

    public enum Status {
        /** Deliveries go out. */
        ACTIVE,
        /** Deliveries stopped after a day of failures, or because the target became forbidden; events still queue up. */
        SUSPENDED,
        /** Gone for its owner; nothing queues up. */
        DELETED
    }

    /** Whether an event of this type, time and region is one the subscription asked for. */
    public boolean wants(String type, Instant occurredAt, EventRegions regions) {
        return status != Status.DELETED && eventTypes.contains(type) && !occurredAt.isBefore(createdAt) && covers(regions);
    }

    /**
     * A subscription for every region gets every event; one for a region gets the events of records inside it. Events
     * of county-wide records (units, groups, helpers) reach subscriptions of a whole county; an event whose region is
     * unknown only those for every region.
     */
    boolean covers(EventRegions regions) {
        if (regionCode.isEmpty()) {
            return true;
        }
        if (!regions.known()) {
            return false;
        }
        if (regions.countyWide()) {
            return regionCode.length() <= TokenRules.Level.COUNTY.codeLength();
        }
        return regions.codes().stream().anyMatch(code -> code.startsWith(regionCode));
    }

    /**
     * Whether the caller may read and manage it: a county admin (or auditor, reading) any within their region,
     * an integrator its own.
     */
    public boolean visibleTo(String subject, RegionScope scope, boolean integratorOnly) {
        boolean inScope = scope.unrestricted() || (!regionCode.isEmpty() && scope.covers(regionCode));
        return status != Status.DELETED && inScope && (!integratorOnly || owner.equals(subject));
    }
}
