package org.fupin.assistance.persistence;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises the violation of a named database constraint anywhere in an exception's causes. */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
