package org.fupin.events;

import java.util.List;

/** An event that cannot be read or does not honour its contract; a consumer dead-letters it. */
public class MalformedEventException extends RuntimeException {

    private final List<String> violations;

    public MalformedEventException(String message) {
        this(message, List.of(), null);
    }

    public MalformedEventException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public MalformedEventException(String message, List<String> violations) {
        this(message, violations, null);
    }

    private MalformedEventException(String message, List<String> violations, Throwable cause) {
        super(message, cause);
        this.violations = List.copyOf(violations);
    }

    /** The schema violations that made the event malformed; empty when it could not be read at all. */
    public List<String> violations() {
        return violations;
    }
}
