package org.fupin.webhook.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.events.EventType;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.platform.listing.Cursors;
import org.fupin.platform.security.Caller;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.fupin.webhook.signing.Signatures;
import org.fupin.webhook.egress.Targets;
import org.jboss.logging.Logger;

/** Making, reading, suspending and reactivating subscriptions, for their owner or a county admin. */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    /** Who is asking, as the rules here need it. */
    public record Requester(String subject, RegionScope scope, boolean ownOnly) {

        /** Integrators manage their own subscriptions; county admins (and auditors, reading) all within their region. */
        public static Requester of(Caller caller) {
            boolean ownOnly = !caller.hasRole(Roles.COUNTY_ADMIN) && !caller.hasRole(Roles.AUDITOR);
            return new Requester(caller.subject(), caller.scope(), ownOnly);
        }
    }

    private final SubscriptionStore store;
    private final Targets targets;
    private final Clock clock = Clock.systemUTC();

    public Subscriptions(SubscriptionStore store, Targets targets) {
        this.store = store;
        this.targets = targets;
    }

    @Transactional
    public Subscription create(NewSubscription request, Requester requester) {
        List<String> types = new ArrayList<>(new LinkedHashSet<>(request.eventTypes()));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            if (EventType.ofType(request.eventTypes().get(i)).isEmpty()) {
                violations.add(new Violation("eventTypes[" + i + "]", "unknown-event-type",
                        "Not an event type of the contract: " + request.eventTypes().get(i)));
            }
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
        String region = regionOf(request.region(), requester.scope());
        var url = targets.accept(request.url());
        Instant now = clock.instant();
        Subscription subscription = new Subscription(UUID.randomUUID(), requester.subject(), region, url, List.copyOf(types),
                request.secret() == null ? Signatures.newSecret() : request.secret(), request.description(),
                Subscription.Status.ACTIVE, null, null, now, requester.subject(), 0);
        store.insert(subscription);
        LOG.infof("Subscription %s made by %s for region '%s' to %s (%d event types)", subscription.id(), requester.subject(),
                region, url.getHost(), types.size());
        return subscription;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription get(UUID id, Requester requester) {
        return visible(id, requester, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Subscription> page(Requester requester, PageRequest page) {
        if (requester.scope().empty()) {
            return new Page<>(List.of(), null);
        }
        List<SubscriptionStore.Numbered> rows = store.page(requester.scope().prefix(), requester.ownOnly() ? requester.subject() : null,
                Cursors.seqAfter(page), page.fetchSize());
        return page.page(rows, row -> String.valueOf(row.seq())).map(SubscriptionStore.Numbered::subscription);
    }

    /** Stops every delivery for good. */
    @Transactional
    public void delete(UUID id, Requester requester) {
        Subscription subscription = visible(id, requester, true);
        store.updateStatus(subscription.id(), Subscription.Status.DELETED, null, null);
        store.dropWaitingDeliveries(id);
        LOG.infof("Subscription %s deleted by %s", id, requester.subject());
    }

    /**
     * Resumes a suspended subscription: the target is checked again, and what waited is sent, in order, from now,
     * with a fresh day of retries.
     */
    @Transactional
    public Subscription reactivate(UUID id, Requester requester) {
        Subscription subscription = visible(id, requester, true);
        if (subscription.status() == Subscription.Status.ACTIVE) {
            return subscription;
        }
        targets.accept(subscription.url().toString());
        store.updateStatus(id, Subscription.Status.ACTIVE, null, null);
        store.resumeWaitingDeliveries(id);
        LOG.infof("Subscription %s reactivated by %s", id, requester.subject());
        return store.find(id, false).orElseThrow();
    }

    /** The subscription, when the requester may see it; a refusal NOT_FOUND otherwise, the same as for one that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription visible(UUID id, Requester requester, boolean forUpdate) {
        return store.find(id, forUpdate)
                .filter(s -> s.visibleTo(requester.subject(), requester.scope(), requester.ownOnly()))
                .orElseThrow(() -> Refusal.notFound("Subscription " + id));
    }

    /** The region asked for must lie within the caller's (a broader or another one answers 404, as for lists). */
    private static String regionOf(String requested, RegionScope scope) {
        if (scope.empty()) {
            throw Refusal.notFound("Region");
        }
        if (requested == null || requested.isEmpty()) {
            return scope.prefix();
        }
        if (!scope.covers(requested)) {
            throw Refusal.notFound("Region " + requested);
        }
        return requested;
    }
}
