package org.fupin.platform.privacy;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression (小数抑制) for counts of people that roles without full access to the underlying personal
 * field read: a count from 1 to k - 1 is withheld (a village's two households with a severely mentally ill member
 * would identify them). Counts that add up to a published total are suppressed together so that the total minus
 * the published cells cannot give a withheld one back: beside the small cells, the smallest others are withheld
 * until at least two are and they hold at least k people between them; when no cell is left for that, the total
 * is withheld too. Zero is shown: it identifies nobody.
 */
public final class SmallCells {

    /** What to withhold of one table: its cells by name, and whether the total must go too. */
    public record Suppression(Set<String> cells, boolean total) {

        public static final Suppression NONE = new Suppression(Set.of(), false);
    }

    private SmallCells() {
    }

    /** Whether a single count, with no published total beside it, is withheld. */
    public static boolean small(long count, int k) {
        return count > 0 && count < k;
    }

    /** The cells of a table that add up to its total, and the total's fate. */
    public static Suppression table(Map<String, Long> cells, long total, int k) {
        Set<String> withheld = new LinkedHashSet<>();
        cells.forEach((name, count) -> {
            if (small(count, k)) {
                withheld.add(name);
            }
        });
        if (withheld.isEmpty()) {
            return small(total, k) ? new Suppression(Set.of(), true) : Suppression.NONE;
        }
        while (withheld.size() < 2 || sum(cells, withheld) < k) {
            String next = cells.entrySet().stream()
                    .filter(cell -> !withheld.contains(cell.getKey()) && cell.getValue() > 0)
                    .min(Comparator.comparingLong(Map.Entry::getValue))
                    .map(Map.Entry::getKey).orElse(null);
            if (next == null) {
                return new Suppression(Set.copyOf(withheld), true);
            }
            withheld.add(next);
        }
        return new Suppression(Set.copyOf(withheld), small(total, k));
    }

    private static long sum(Map<String, Long> cells, Set<String> names) {
        return names.stream().mapToLong(cells::get).sum();
    }
}
