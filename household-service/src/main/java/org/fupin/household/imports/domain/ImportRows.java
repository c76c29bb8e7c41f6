package org.fupin.household.imports.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Groups the rows of an import into households while streaming. The rows of a household are
 * together in every register export; relying on that keeps one household in memory at a time.
 * A householdRef that comes back after another household is found by a first pass
 * ({@link #scatteredRefs}) so that the household can be skipped whole before any of it is stored.
 */
public final class ImportRows {

    private ImportRows() {
    }

    /** The householdRefs whose rows are not contiguous. Remembers every householdRef of the file, nothing else. */
    public static Set<String> scatteredRefs(Iterator<ImportRow> rows) {
        Set<String> finished = new HashSet<>();
        Set<String> scattered = new HashSet<>();
        String current = null;
        while (rows.hasNext()) {
            String ref = rows.next().householdRef();
            if (ref.isEmpty() || ref.equals(current)) {
                continue;
            }
            if (current != null) {
                finished.add(current);
            }
            if (finished.contains(ref)) {
                scattered.add(ref);
            }
            current = ref;
        }
        return scattered;
    }

    /**
     * The households of the file in order, one run of contiguous rows at a time. A row without a
     * householdRef is a group of its own (and fails validation).
     */
    public static Iterator<HouseholdRowGroup> groups(Iterator<ImportRow> rows, Set<String> scattered) {
        return new Iterator<>() {
            private ImportRow pending;
            private final Set<String> started = new HashSet<>();

            @Override
            public boolean hasNext() {
                return pending != null || rows.hasNext();
            }

            @Override
            public HouseholdRowGroup next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ImportRow first = pending != null ? pending : rows.next();
                pending = null;
                List<ImportRow> run = new ArrayList<>();
                run.add(first);
                String ref = first.householdRef();
                if (!ref.isEmpty()) {
                    while (rows.hasNext()) {
                        ImportRow row = rows.next();
                        if (!row.householdRef().equals(ref)) {
                            pending = row;
                            break;
                        }
                        run.add(row);
                    }
                }
                return new HouseholdRowGroup(ref, run, part(ref));
            }

            private HouseholdRowGroup.Part part(String ref) {
                if (!scattered.contains(ref)) {
                    return HouseholdRowGroup.Part.WHOLE;
                }
                return started.add(ref) ? HouseholdRowGroup.Part.FIRST_OF_SCATTERED : HouseholdRowGroup.Part.LATER_OF_SCATTERED;
            }
        };
    }
}
