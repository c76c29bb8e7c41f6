package org.fupin.platform.inbox;

import org.fupin.events.CloudEvent;

/** Applies one event's data; runs inside the consumer's transaction. */
@FunctionalInterface
public interface EventHandler<T> {

    void apply(T data, CloudEvent envelope);
}
