package org.fupin.platform.listing;

import org.fupin.platform.page.PageRequest;
import org.fupin.problem.ProblemException;

/** Lists that page by the creation sequence (seq) of their rows; the cursor carries the last one seen. */
public final class Cursors {

    private Cursors() {
    }

    /** The sequence after which the page starts; 0 for the first page. */
    public static long seqAfter(PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        try {
            return Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "invalid-cursor", "The cursor is not one this list issued; start again without it.");
        }
    }
}
