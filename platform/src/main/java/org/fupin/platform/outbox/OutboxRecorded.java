package org.fupin.platform.outbox;

/** Fired when an event is recorded; observed after commit to wake the relay at once. */
public record OutboxRecorded(String topic) {
}
