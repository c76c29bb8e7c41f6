package org.fupin.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.events.CloudEvent;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a trace across Kafka. HTTP hops are traced by Quarkus itself; an event is not, because the
 * outbox publishes it later, from another thread, maybe after a restart. So the write that records
 * an event opens a short {@code create} span and stores its W3C {@code traceparent} in the
 * CloudEvent (the distributed-tracing extension, part of the bytes a resend repeats), and each
 * consumer applies the event inside a {@code process} span whose parent is that context: one trace
 * from the gateway to every read model, however long the event waited.
 */
@ApplicationScoped
public class EventTracing {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Opens the span of recording {@code count} events for {@code topic} under the current context;
     * the caller stamps {@link Created#traceparent()} on the events and closes it.
     */
    public Created creating(String topic, long count) {
        Span span = tracer.spanBuilder("create " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "create")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", count)
                .startSpan();
        return new Created(span, traceparent(span));
    }

    /**
     * Opens the span of applying {@code event} as {@code consumer}, child of the write that recorded
     * it, and makes it current (so its trace id is in the log lines of the work); close it after.
     */
    public Processing processing(String consumer, String topic, CloudEvent event) {
        Context parent = parentOf(event.traceparent());
        Span span = tracer.spanBuilder("process " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        return new Processing(span, span.makeCurrent());
    }

    /** The W3C {@code traceparent} of a span, as the propagator writes it; null for an invalid (no) span. */
    static String traceparent(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a {@code traceparent} names; the root context when there is none or it is malformed. */
    static Context parentOf(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

    /** The open span of an event's recording, and the {@code traceparent} to stamp on the event. */
    public record Created(Span span, String traceparent) implements AutoCloseable {
        @Override
        public void close() {
            span.end();
        }
    }

    /** The open span of an event's application, current until closed. */
    public record Processing(Span span, Scope scope) implements AutoCloseable {

        /** Marks the span failed (an exception that rolls the work back). */
        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
