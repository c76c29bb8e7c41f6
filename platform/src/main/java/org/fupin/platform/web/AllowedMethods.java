package org.fupin.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The methods each path of the service has, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6),
 * which the REST layer leaves out. Read from the OpenAPI document Quarkus generates at build time
 * from the resources themselves, so it lists exactly the operations there are; HEAD goes with GET and
 * OPTIONS with every path, as the REST layer answers them.
 */
@ApplicationScoped
public class AllowedMethods {

    /** Where Quarkus stores the document it generated from the resources. */
    static final String DOCUMENT = "META-INF/quarkus-generated-openapi-doc.JSON";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private record PathMethods(Pattern path, Set<String> methods) {
    }

    private final List<PathMethods> paths;

    public AllowedMethods() {
        this(readDocument());
    }

    AllowedMethods(JsonNode document) {
        this.paths = document == null ? List.of() : parse(document.path("paths"));
    }

    /** The methods of the operations at this path, empty when no documented path matches. */
    public Optional<Set<String>> methodsOf(String path) {
        return paths.stream()
                .filter(candidate -> candidate.path().matcher(path).matches())
                .findFirst()
                .map(PathMethods::methods);
    }

    /** The value of an {@code Allow} header for this path, empty when no documented path matches. */
    public Optional<String> allow(String path) {
        return methodsOf(path).map(methods -> String.join(", ", methods));
    }

    private static List<PathMethods> parse(JsonNode paths) {
        List<PathMethods> parsed = new ArrayList<>();
        Iterator<String> templates = paths.fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            Set<String> methods = new TreeSet<>();
            paths.get(template).fieldNames().forEachRemaining(name -> {
                if (METHODS.contains(name)) {
                    methods.add(name.toUpperCase(Locale.ROOT));
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            parsed.add(new PathMethods(pattern(template), java.util.Collections.unmodifiableSet(methods)));
        }
        // Literal segments before parameters: /measures/totals is not /measures/{id}.
        parsed.sort((a, b) -> Long.compare(parameters(a), parameters(b)));
        return List.copyOf(parsed);
    }

    private static long parameters(PathMethods path) {
        return path.path().pattern().chars().filter(c -> c == '[').count();
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }

    private static JsonNode readDocument() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            return in == null ? null : new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }
}
