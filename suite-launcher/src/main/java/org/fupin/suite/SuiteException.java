package org.fupin.suite;

import java.nio.file.Path;

/** A part of the suite that could not be brought up or down, with the log that tells why. */
public class SuiteException extends RuntimeException {

    private final String part;
    private final String reason;
    private final transient Path log;

    /**
     * @param part what failed, as the user knows it ("PostgreSQL", "household-service")
     * @param reason one sentence, no trailing period
     * @param log the file to read next, or null when the reason says it all
     */
    public SuiteException(String part, String reason, Path log) {
        super(part + ": " + reason);
        this.part = part;
        this.reason = reason;
        this.log = log;
    }

    public SuiteException(String part, String reason, Path log, Throwable cause) {
        this(part, reason, log);
        initCause(cause);
    }

    public String part() {
        return part;
    }

    public String reason() {
        return reason;
    }

    /** The log to read, or null. */
    public Path log() {
        return log;
    }
}
