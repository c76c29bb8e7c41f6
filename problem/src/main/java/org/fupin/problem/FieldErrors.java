package org.fupin.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one request, keeping the first {@link #MAX} and counting the rest:
 * a body of 200,000 unknown keys must not cost seconds to answer nor make an answer a hundred times
 * its size. The answer lists what was kept and says how many more there were.
 */
public final class FieldErrors {

    /** The most field errors one answer lists. */
    public static final int MAX = 50;

    private final List<FieldError> kept = new ArrayList<>();
    private int more;

    public FieldErrors add(FieldError error) {
        if (kept.size() < MAX) {
            kept.add(error);
        } else {
            more++;
        }
        return this;
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The errors kept, at most {@link #MAX}. */
    public List<FieldError> kept() {
        return List.copyOf(kept);
    }

    /** How many errors were found beyond those kept. */
    public int more() {
        return more;
    }

    /** A refusal listing the errors kept and the number of others. */
    public ProblemException problem(int status, String code, String detail) {
        return new ProblemException(status, code, detail, kept, more, new Object[0]);
    }
}
