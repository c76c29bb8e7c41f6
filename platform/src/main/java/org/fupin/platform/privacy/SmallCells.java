package org.fupin.platform.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small-cell suppression (小数抑制) for counts of people that roles without full access to the underlying personal
 * field read: a count from 1 to k - 1 is withheld (a village's two households with a severely mentally ill member
 * would identify them). Counts that add up to a published total are suppressed together so that the total minus
 * the published cells cannot give a withheld one back: beside the small cells, the smallest others are withheld
 * until at least two are and they hold at least k people between them; when no cell is left for that, the total
 * is withheld too. Zero is shown: it identifies nobody.
 *
 * <p>Published figures are often tied by more than one sum: a township's count is the sum of its villages', and a
 * village's disabled people the sum of its grades. {@link #pattern} protects every sum at once, repeating until
 * none needs another cell withheld (a cell withheld for one sum is a withheld cell of the others it belongs to; a
 * withheld total is protected through the sum it is a cell of, and its own cells cannot all be shown, or they would
 * add up to it). Differencing across such sums is closed; what two sums that share no cell give away together (the
 * linear-programming attacks of statistical disclosure control) is not.
 */
public final class SmallCells {

    /** What to withhold of one table: its cells by name, and whether the total must go too. */
    public record Suppression(Set<String> cells, boolean total) {

        public static final Suppression NONE = new Suppression(Set.of(), false);
    }

    /** A published total and the published cells that add up to it. */
    public record Sum<K>(K total, List<K> cells) {
    }

    private SmallCells() {
    }

    /** Whether a single count, with no published total beside it, is withheld. */
    public static boolean small(long count, int k) {
        return count > 0 && count < k;
    }

    /** The cells of a table that add up to its total, and the total's fate. */
    public static Suppression table(Map<String, Long> cells, long total, int k) {
        Map<Cell, Long> values = new HashMap<>();
        cells.forEach((name, count) -> values.put(new Cell(name), count));
        values.put(Cell.TOTAL, total);
        Set<Cell> withheld = pattern(values, List.of(new Sum<>(Cell.TOTAL, cells.keySet().stream().map(Cell::new).toList())), k);
        if (withheld.isEmpty()) {
            return Suppression.NONE;
        }
        return new Suppression(withheld.stream().filter(cell -> !cell.equals(Cell.TOTAL)).map(Cell::name).collect(Collectors.toUnmodifiableSet()),
                withheld.contains(Cell.TOTAL));
    }

    /**
     * The figures to withhold among {@code values} (every figure of every sum, by key), such that each sum's withheld
     * figures cannot be had back from what is shown: small counts, and what each sum needs withheld beside them.
     */
    public static <K> Set<K> pattern(Map<K, Long> values, Collection<Sum<K>> sums, int k) {
        Set<K> withheld = new LinkedHashSet<>();
        values.forEach((key, count) -> {
            if (small(count, k)) {
                withheld.add(key);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum<K> sum : sums) {
                changed |= protect(sum, values, withheld, k);
            }
        }
        return withheld;
    }

    /** Withholds what one sum needs beside what is withheld already; whether it withheld anything. */
    private static <K> boolean protect(Sum<K> sum, Map<K, Long> values, Set<K> withheld, int k) {
        List<K> hidden = new ArrayList<>(sum.cells().stream().filter(withheld::contains).toList());
        boolean totalHidden = withheld.contains(sum.total());
        if (hidden.isEmpty() && !totalHidden) {
            return false;
        }
        if (totalHidden && (!hidden.isEmpty() || values.get(sum.total()) == 0)) {
            // One unknown (the total) beside unknown cells: nothing adds up to either.
            return false;
        }
        boolean changed = false;
        long hiddenCount = hidden.stream().mapToLong(values::get).sum();
        // A withheld total needs one withheld cell (its cells would add up to it); withheld cells need two and k people.
        while (totalHidden ? hidden.isEmpty() : hidden.size() < 2 || hiddenCount < k) {
            K next = sum.cells().stream().filter(cell -> !withheld.contains(cell) && values.get(cell) > 0)
                    .min(Comparator.comparingLong(values::get)).orElse(null);
            if (next == null) {
                if (!totalHidden) {
                    withheld.add(sum.total());
                    changed = true;
                }
                return changed;
            }
            withheld.add(next);
            hidden.add(next);
            hiddenCount += values.get(next);
            changed = true;
        }
        return changed;
    }

    /** A cell of {@link #table}, or its total. */
    private record Cell(String name) {
        static final Cell TOTAL = new Cell(null);
    }
}
