package org.fupin.platform.inbox;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.events.CloudEvent;
import org.fupin.events.EventType;

/**
 * A consumer's table of what it does with each event type of a topic. Building it fails unless
 * every type of the topic is either handled or explicitly ignored, so a type added to the contract
 * cannot slip past a consumer unnoticed.
 */
public final class EventDispatcher {

    private final String topic;
    private final Map<EventType, Route<?>> routes;
    private final Runnable beforeEach;
    private final Runnable afterAll;

    private EventDispatcher(String topic, Map<EventType, Route<?>> routes, Runnable beforeEach, Runnable afterAll) {
        this.topic = topic;
        this.routes = routes;
        this.beforeEach = beforeEach;
        this.afterAll = afterAll;
    }

    public static Builder forTopic(String topic) {
        return new Builder(topic);
    }

    public String topic() {
        return topic;
    }

    /** Runs first in the transaction of every event, before the inbox row is written. */
    void beforeEach() {
        beforeEach.run();
    }

    /** Runs last in the transaction, once the event or the batch of events has been dispatched. */
    void afterAll() {
        afterAll.run();
    }

    /** Applies the event, its data already read; returns false for types this consumer deliberately ignores. */
    boolean dispatch(EventType type, CloudEvent event, Object data) {
        Route<?> route = routes.get(type);
        if (route == null) {
            return false;
        }
        route.apply(event, data);
        return true;
    }

    private record Route<T>(Class<T> dataClass, EventHandler<T> handler) {
        void apply(CloudEvent event, Object data) {
            handler.apply(dataClass.cast(data), event);
        }
    }

    /** Collects the handled and the ignored types of one topic. */
    public static final class Builder {

        private final String topic;
        private final Map<EventType, Route<?>> routes = new EnumMap<>(EventType.class);
        private final Set<EventType> ignored = EnumSet.noneOf(EventType.class);
        private Runnable beforeEach = () -> { };
        private Runnable afterAll = () -> { };

        private Builder(String topic) {
            this.topic = topic;
        }

        public <T> Builder on(Class<T> dataClass, EventHandler<T> handler) {
            EventType type = typeOn(dataClass);
            routes.put(type, new Route<>(dataClass, handler));
            return this;
        }

        /** This consumer has no use for the type; say so instead of leaving it out. */
        public Builder ignore(Class<?> dataClass) {
            ignored.add(typeOn(dataClass));
            return this;
        }

        /**
         * Something to do first in the transaction of every event, before it is recorded or applied:
         * for instance take a lock that a maintenance task holds while it swaps the tables.
         */
        public Builder beforeEach(Runnable step) {
            this.beforeEach = step;
            return this;
        }

        /**
         * Something to do last in the transaction, after the event or the whole batch was dispatched:
         * for instance write as sets what the handlers collected, one statement per table.
         */
        public Builder afterAll(Runnable step) {
            this.afterAll = step;
            return this;
        }

        public EventDispatcher build() {
            Set<EventType> missing = EnumSet.noneOf(EventType.class);
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic) && !routes.containsKey(type) && !ignored.contains(type)) {
                    missing.add(type);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Consumer of " + topic + " neither handles nor ignores: "
                        + missing.stream().map(EventType::type).collect(Collectors.joining(", ")));
            }
            return new EventDispatcher(topic, Map.copyOf(routes), beforeEach, afterAll);
        }

        private EventType typeOn(Class<?> dataClass) {
            EventType type = EventType.of(dataClass);
            if (!type.topic().equals(topic)) {
                throw new IllegalArgumentException(type.type() + " is published on " + type.topic() + ", not " + topic);
            }
            return type;
        }
    }
}
