package org.fupin.webhook.delivery;

import java.time.Instant;

/**
 * One try to deliver: when, what the receiver answered (null when it did not: refused connection, timeout),
 * why it failed (null when it did not), and how long it took.
 */
public record Attempt(Instant at, Integer statusCode, String error, int latencyMillis) {

    public boolean succeeded() {
        return error == null;
    }
}
