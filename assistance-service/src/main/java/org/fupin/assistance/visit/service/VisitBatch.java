package org.fupin.assistance.visit.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.visit.domain.NewVisit;
import org.fupin.assistance.visit.domain.VisitRules;
import org.fupin.security.RegionScope;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;

/**
 * Records the visits an app sends after working offline, one by one and each in its own
 * transaction: every item gets its own answer, in request order, and a rejected item changes
 * nothing else. A visit repeated within the batch is a duplicate of its first occurrence.
 */
@ApplicationScoped
public class VisitBatch {

    /** The answer for one item: its outcome, or the problem that rejected it. */
    public record ItemResult(String id, Visits.Outcome outcome, Refusal refusal) {

        public boolean rejected() {
            return refusal != null;
        }
    }

    private final Visits visits;

    public VisitBatch(Visits visits) {
        this.visits = visits;
    }

    /**
     * @param items the items as sent, each with its id as text (for the answer, even if unreadable)
     * @param reader turns an item into a visit, or throws the problem that makes it unreadable
     */
    public <T> List<ItemResult> record(List<T> items, Function<T, String> idOf, Function<T, NewVisit> reader,
            RegionScope scope, String actor) {
        if (items == null) {
            throw Refusal.invalid(List.of(new Violation("visits", "required", "This field is required.")));
        }
        if (VisitRules.batchTooLarge(items.size())) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "batch-too-large", "A batch holds at most " + VisitRules.MAX_BATCH
                    + " visits; this one has " + items.size() + ". Send the rest in another batch.");
        }
        List<ItemResult> results = new ArrayList<>(items.size());
        for (T item : items) {
            String id = idOf.apply(item);
            try {
                results.add(new ItemResult(id, visits.record(reader.apply(item), scope, actor).outcome(), null));
            } catch (Refusal refusal) {
                results.add(new ItemResult(id, null, refusal));
            }
        }
        return results;
    }
}
