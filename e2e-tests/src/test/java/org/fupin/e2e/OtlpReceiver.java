package org.fupin.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OTLP/HTTP trace receiver (protobuf, {@code POST /v1/traces}) that keeps the spans it is sent:
 * the services of the end-to-end suite export to it as they would to an OpenTelemetry collector. Only
 * the fields a trace's shape needs are decoded, by reading the protobuf wire format directly.
 */
final class OtlpReceiver {

    /** The port the suite's services export to (loopback only). */
    static final int PORT = 18318;

    /** One received span: the service that sent it and where it sits in its trace. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {

        static final int SERVER = 2;
        static final int CLIENT = 3;
        static final int PRODUCER = 4;
        static final int CONSUMER = 5;
    }

    private static OtlpReceiver started;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 50);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    static synchronized OtlpReceiver get() {
        if (started == null) {
            try {
                started = new OtlpReceiver();
            } catch (IOException e) {
                throw new IllegalStateException("The OTLP receiver did not start on port " + PORT, e);
            }
        }
        return started;
    }

    /** The settings that make every request traced, and every span exported here at once. */
    static Map<String, String> suiteSettings() {
        return Map.of(
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + PORT,
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] request = body.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            spans.addAll(decode(request));
            // An empty ExportTraceServiceResponse: every span accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest: resource_spans = 1 { resource = 1 { attributes = 1 }, scope_spans = 2 { spans = 2 } }. */
    static List<ReceivedSpan> decode(byte[] request) {
        List<ReceivedSpan> decoded = new ArrayList<>();
        for (Field resourceSpans : Wire.fields(request)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            String service = "";
            List<Field> fields = Wire.fields(resourceSpans.bytes());
            for (Field field : fields) {
                if (field.number() == 1) {
                    service = serviceName(field.bytes(), service);
                }
            }
            for (Field scopeSpans : fields) {
                if (scopeSpans.number() != 2) {
                    continue;
                }
                for (Field span : Wire.fields(scopeSpans.bytes())) {
                    if (span.number() == 2) {
                        decoded.add(span(service, span.bytes()));
                    }
                }
            }
        }
        return decoded;
    }

    /** Resource.attributes = 1, KeyValue { key = 1, value = 2 { string_value = 1 } }. */
    private static String serviceName(byte[] resource, String otherwise) {
        for (Field attribute : Wire.fields(resource)) {
            if (attribute.number() != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field part : Wire.fields(attribute.bytes())) {
                if (part.number() == 1) {
                    key = part.text();
                } else if (part.number() == 2) {
                    value = Wire.fields(part.bytes()).stream().filter(any -> any.number() == 1).map(Field::text).findFirst()
                            .orElse(null);
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return otherwise;
    }

    /** Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6. */
    private static ReceivedSpan span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field field : Wire.fields(span)) {
            switch (field.number()) {
                case 1 -> traceId = field.hex();
                case 2 -> spanId = field.hex();
                case 4 -> parent = field.hex();
                case 5 -> name = field.text();
                case 6 -> kind = (int) field.varint();
                default -> {
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** A field of a protobuf message: its number and either its varint value or its bytes. */
    record Field(int number, long varint, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String hex() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** The protobuf wire format: tags, varints, fixed 32/64-bit values and length-delimited bytes. */
    static final class Wire {

        private Wire() {
        }

        static List<Field> fields(byte[] message) {
            ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
            List<Field> fields = new ArrayList<>();
            while (in.hasRemaining()) {
                long tag = varint(in);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(in), new byte[0]));
                    case 1 -> fields.add(new Field(number, in.getLong(), new byte[0]));
                    case 2 -> {
                        byte[] bytes = new byte[(int) varint(in)];
                        in.get(bytes);
                        fields.add(new Field(number, 0, bytes));
                    }
                    case 5 -> fields.add(new Field(number, in.getInt(), new byte[0]));
                    default -> throw new IllegalArgumentException("unsupported protobuf wire type in tag " + tag);
                }
            }
            return fields;
        }

        private static long varint(ByteBuffer in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in.get();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 64 bits");
        }
    }
}
