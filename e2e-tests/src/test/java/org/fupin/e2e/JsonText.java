package org.fupin.e2e;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans, null) as UTF-8 JSON, and
 * {@link Raw} fragments byte for byte: the one way to put what no JSON library writes (invalid
 * UTF-8, escaped lone surrogates) into an otherwise well-formed body.
 */
final class JsonText {

    /** Bytes written as they are, where a JSON value would go. */
    record Raw(byte[] bytes, String label) {

        static Raw of(String label, int... bytes) {
            byte[] raw = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                raw[i] = (byte) bytes[i];
            }
            return new Raw(raw, label);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private JsonText() {
    }

    static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    /** A short rendering for reports: long strings are cut, raw fragments named. */
    static String excerpt(Object value, int max) {
        String text = value instanceof Raw raw ? raw.label() : new String(write(value), StandardCharsets.UTF_8);
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            ascii("null", out);
        } else if (value instanceof Raw raw) {
            out.writeBytes(raw.bytes());
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            ascii(value.toString(), out);
        } else if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString(), out);
        } else if (value instanceof Double || value instanceof Float) {
            ascii(BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString(), out);
        } else if (value instanceof Map<?, ?> map) {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.write(':');
                write(entry.getValue(), out);
            }
            out.write('}');
        } else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(list.get(i), out);
            }
            out.write(']');
        } else {
            throw new IllegalArgumentException("No JSON for " + value.getClass());
        }
    }

    private static void string(String text, ByteArrayOutputStream out) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // Control characters and surrogates escaped, so that a lone surrogate reaches the server as \\uD800.
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
        out.writeBytes(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void ascii(String text, ByteArrayOutputStream out) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
