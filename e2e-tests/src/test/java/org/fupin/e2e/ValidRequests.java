package org.fupin.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.fupin.e2e.OpenApiDocument.Body;
import org.fupin.e2e.OpenApiDocument.Operation;
import org.fupin.e2e.OpenApiDocument.Parameter;

import com.github.curiousoddman.rgxgen.RgxGen;

/**
 * Requests that are valid by the OpenAPI document alone, generated from an operation's schemas:
 * required fields always and optional ones by chance, values of the declared type within the
 * declared enum, format, pattern, length and range. What the document does not say (which
 * village exists, which transition the household is ready for) is left to chance, except that
 * ids and region codes are mostly those of records the test made, so that requests get past the
 * lookups to the rules behind them. A server that refuses such a request as invalid (400) is
 * stricter than its document.
 */
final class ValidRequests {

    private static final java.util.Set<String> CURSORS = java.util.Set.of("cursor", "since");

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String UUID_PATTERN = "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}";
    private static final List<String> TEXTS = List.of("样本", "走访记录", "王秀兰", "云阳县三峡茶业有限公司", "Li Wei", "a-1", "note");

    /** One request; the body is null when none is sent, the If-Match header is filled in by the sender. */
    record ValidRequest(String operation, String method, String target, Map<String, String> headers, byte[] body,
            boolean needsIfMatch) {

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + JsonText.excerpt(new String(body, StandardCharsets.UTF_8), 400);
            return method + " " + target + shown;
        }
    }

    /** Where requests go and what the known records are. */
    interface Known {

        /** The id of a record of the collection (the path segment naming it, e.g. "households"), if the test made one. */
        Optional<String> record(String collection);

        /** A value the test knows for a field or parameter of this name (a village code for villageCode), if any. */
        Optional<Object> value(String name);
    }

    private final OpenApiDocument document;
    private final Operation operation;
    private final Known known;
    private final Random random;

    ValidRequests(OpenApiDocument document, Operation operation, Known known, long seed) {
        this.document = document;
        this.operation = operation;
        this.known = known;
        this.random = new Random(seed ^ operation.key().hashCode());
    }

    List<ValidRequest> generate(int count, Function<Body, byte[]> otherBodies) {
        List<ValidRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(one(otherBodies));
        }
        return requests;
    }

    private ValidRequest one(Function<Body, byte[]> otherBodies) {
        String target = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = known.record(operation.segmentBefore(parameter.name())).filter(id -> random.nextInt(10) > 0)
                    .orElseGet(() -> text(parameter.name(), parameter.schema()));
            target = target.replace("{" + parameter.name() + "}", encode(value));
        }
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            // A cursor (a list's, or the change feed's since) is only valid as the server made it: the sender follows
            // nextCursor instead.
            if (CURSORS.contains(parameter.name()) || (!parameter.required() && random.nextInt(5) < 3)) {
                continue;
            }
            Object value = value(parameter.name(), parameter.schema(), 0);
            if (value instanceof List<?> list) {
                list.forEach(item -> query.add(parameter.name() + "=" + encode(String.valueOf(item))));
            } else {
                query.add(parameter.name() + "=" + encode(String.valueOf(value)));
            }
        }
        if (!query.isEmpty()) {
            target += "?" + String.join("&", query);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        boolean needsIfMatch = false;
        for (Parameter parameter : operation.in("header")) {
            if (parameter.name().equalsIgnoreCase("If-Match")) {
                needsIfMatch = true;
            } else if (parameter.name().equalsIgnoreCase("Idempotency-Key")) {
                headers.put(parameter.name(), UUID.randomUUID().toString());
            } else if (parameter.required() || random.nextBoolean()) {
                String value = String.valueOf(value(parameter.name(), parameter.schema(), 0));
                // A header carries visible ASCII (RFC 9110 field values); a generated name in Chinese cannot be sent.
                headers.put(parameter.name(), value.chars().allMatch(c -> c >= 0x21 && c < 0x7f) ? value : "conformance");
            }
        }
        byte[] body = null;
        if (operation.body().isPresent()) {
            Body declared = operation.body().get();
            headers.put("Content-Type", declared.isJson() ? declared.mediaType() + "; charset=UTF-8" : declared.mediaType());
            body = declared.isJson() ? JsonText.write(value("body", declared.schema(), 0)) : otherBodies.apply(declared);
        }
        return new ValidRequest(operation.key(), operation.method(), target, headers, body, needsIfMatch);
    }

    /** A value the schema allows (with what is known of the name preferred for ids and codes). */
    private Object value(String name, JsonObject declared, int depth) {
        JsonObject schema = nonNull(document.resolve(declared));
        Optional<Object> hint = known.value(name);
        if (hint.isPresent() && random.nextInt(4) > 0) {
            return hint.get();
        }
        if (schema.containsKey("enum")) {
            JsonArray values = schema.getJsonArray("enum");
            return BadRequests.plain(values.get(random.nextInt(values.size())));
        }
        if (schema.get("const") != null) {
            return BadRequests.plain(schema.get("const"));
        }
        switch (typeOf(schema)) {
            case "object" -> {
                return object(schema, depth);
            }
            case "array" -> {
                int min = integer(schema, "minItems", 0);
                int max = Math.min(integer(schema, "maxItems", 3), min + 3);
                int size = min + random.nextInt(Math.max(1, max - min + 1));
                String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
                LinkedHashSet<Object> unique = new LinkedHashSet<>();
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < size * 3 && items.size() < size; i++) {
                    Object item = value(itemName, schema.getJsonObject("items") == null ? JsonValue.EMPTY_JSON_OBJECT
                            : schema.getJsonObject("items"), depth + 1);
                    if (!schema.getBoolean("uniqueItems", false) || unique.add(item)) {
                        items.add(item);
                    }
                }
                return items;
            }
            case "integer" -> {
                long min = schema.get("minimum") instanceof JsonNumber n ? n.longValue() : 0;
                long max = schema.get("maximum") instanceof JsonNumber n ? n.longValue() : Math.max(min, 0) + 100;
                return min + (long) (random.nextDouble() * (max - min + 1));
            }
            case "number" -> {
                BigDecimal min = schema.get("minimum") instanceof JsonNumber n ? n.bigDecimalValue() : BigDecimal.ZERO;
                BigDecimal max = schema.get("maximum") instanceof JsonNumber n ? n.bigDecimalValue() : min.add(BigDecimal.valueOf(10_000));
                BigDecimal span = max.subtract(min);
                BigDecimal value = min.add(span.multiply(BigDecimal.valueOf(random.nextDouble()))).setScale(2, RoundingMode.DOWN);
                return value.compareTo(min) < 0 ? min : value;
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                return text(name, schema);
            }
        }
    }

    private Map<String, Object> object(JsonObject schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (!schema.containsKey("properties") || depth > 4) {
            return object;
        }
        List<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        JsonObject properties = schema.getJsonObject("properties");
        for (String property : properties.keySet()) {
            JsonObject propertySchema = document.resolve(properties.get(property));
            if (propertySchema.getBoolean("readOnly", false)) {
                continue;
            }
            if (required.contains(property) || random.nextBoolean()) {
                object.put(property, value(property, propertySchema, depth + 1));
            }
        }
        return object;
    }

    private String text(String name, JsonObject declared) {
        JsonObject schema = nonNull(document.resolve(declared));
        JsonValue examples = schema.get("examples");
        if (examples instanceof JsonArray list && !list.isEmpty() && random.nextBoolean()) {
            return String.valueOf(BadRequests.plain(list.get(random.nextInt(list.size()))));
        }
        String format = OpenApiDocument.text(schema, "format");
        String pattern = OpenApiDocument.text(schema, "pattern");
        if ("uuid".equals(format) || UUID_PATTERN.equals(pattern)) {
            return known.record(collectionOf(name)).filter(id -> random.nextInt(4) > 0)
                    .orElseGet(() -> new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if ("date".equals(format)) {
            return LocalDate.now(COUNTY_ZONE).minusDays(random.nextInt(400)).toString();
        }
        if ("date-time".equals(format)) {
            return Instant.now().minus(random.nextInt(72 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        int min = integer(schema, "minLength", 1);
        int max = integer(schema, "maxLength", 40);
        if (pattern != null) {
            Optional<String> matching = matching(pattern, min, max);
            if (matching.isPresent()) {
                return matching.get();
            }
        }
        List<String> fitting = new ArrayList<>();
        Pattern compiled = pattern == null ? null : Pattern.compile(pattern);
        for (String candidate : TEXTS) {
            int length = candidate.codePointCount(0, candidate.length());
            if (length >= min && length <= max && (compiled == null || compiled.matcher(candidate).find())) {
                fitting.add(candidate);
            }
        }
        if (fitting.isEmpty()) {
            return "x".repeat(Math.max(min, 1));
        }
        return fitting.get(random.nextInt(fitting.size()));
    }

    /** A string the pattern matches, within the lengths, as a fuzzer draws it from the regular expression. */
    private Optional<String> matching(String pattern, int min, int max) {
        Pattern compiled = Pattern.compile(pattern);
        String unanchored = pattern.replaceAll("^\\^", "").replaceAll("\\$$", "");
        RgxGen generator = RgxGen.parse(unanchored);
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = generator.generate(random);
            int length = candidate.codePointCount(0, candidate.length());
            if (length >= min && length <= max && compiled.matcher(candidate).find()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The schema without its null alternative: a value is always sent (null is a value a client rarely means). */
    private JsonObject nonNull(JsonObject schema) {
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof JsonArray alternatives) {
                for (JsonValue alternative : alternatives) {
                    JsonObject resolved = document.resolve(alternative);
                    if (!"null".equals(OpenApiDocument.text(resolved, "type"))) {
                        return resolved;
                    }
                }
            }
        }
        return schema;
    }

    private static String typeOf(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type instanceof JsonString text) {
            return text.getString();
        }
        if (type instanceof JsonArray types) {
            for (JsonValue each : types) {
                if (each instanceof JsonString text && !text.getString().equals("null")) {
                    return text.getString();
                }
            }
        }
        return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
    }

    private static int integer(JsonObject schema, String key, int otherwise) {
        return schema.get(key) instanceof JsonNumber number ? number.intValue() : otherwise;
    }

    /** helperId → helpers, householdId → households, replacementHelperId → helpers. */
    static String collectionOf(String name) {
        String base = name.endsWith("Id") ? name.substring(0, name.length() - 2) : name;
        for (String known : List.of("Helper", "Household", "Unit", "Group", "Member", "Pairing", "Measure", "Visit")) {
            if (base.endsWith(known)) {
                base = known;
            }
        }
        String lower = base.isEmpty() ? base : Character.toLowerCase(base.charAt(0)) + base.substring(1);
        return switch (lower) {
            case "group" -> "assistance-groups";
            case "leader" -> "helpers";
            case "keep", "member" -> "members";
            default -> lower + "s";
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
