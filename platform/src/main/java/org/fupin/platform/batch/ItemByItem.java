package org.fupin.platform.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.persistence.PersistenceException;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies the items of an offline batch one by one, each in a transaction of its own, in request order: every item
 * gets its own answer and a refused item changes nothing else. Never all or nothing.
 */
public final class ItemByItem {

    private ItemByItem() {
    }

    /**
     * @param items the request's {@code items}: at least one, at most {@code max}
     * @param one reads and applies one item in its transaction, or throws the refusal a single request would get
     * @param refused the answer for an item refused
     */
    public static <I, R> List<R> apply(List<I> items, int max, String what, Function<I, R> one, BiFunction<I, Refusal, R> refused) {
        if (items == null || items.isEmpty()) {
            throw Refusal.invalid(List.of(new Violation("items", "required", "Give at least one item.")));
        }
        if (items.size() > max) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "batch-too-large", "A batch holds at most " + max + " " + what
                    + "; this one has " + items.size() + ". Send the rest in another batch.");
        }
        List<R> results = new ArrayList<>(items.size());
        for (I item : items) {
            try {
                results.add(QuarkusTransaction.requiringNew().call(() -> one.apply(item)));
            } catch (Refusal refusal) {
                results.add(refused.apply(item, refusal));
            } catch (PersistenceException e) {
                // Two requests sent the same new item at the same moment: the other one wrote it.
                if (!String.valueOf(e).contains("sync_item_pkey") && !String.valueOf(e.getCause()).contains("sync_item_pkey")) {
                    throw e;
                }
                results.add(refused.apply(item, ClientIds.conflict(BatchItems.idOf(item))));
            }
        }
        return results;
    }
}
