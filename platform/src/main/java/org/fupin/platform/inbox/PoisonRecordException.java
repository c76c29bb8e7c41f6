package org.fupin.platform.inbox;

/**
 * A record that can never be applied: not a CloudEvent, not valid against its schema, or refused
 * by its handler again and again. {@link EventBatches} sends the record to {@link DeadLetters},
 * with this message as {@code dead-letter-reason}, and the consumer goes on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
