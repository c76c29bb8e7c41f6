package org.fupin.platform.inbox;

/**
 * A record that can never be applied: not a CloudEvent, not valid against its schema, or refused
 * by its handler again and again. Thrown to the messaging layer, which moves the record to the
 * dead-letter topic with this message as {@code dead-letter-reason} and goes on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
