package org.fupin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every answer the end-to-end tests receive through REST Assured to the OpenAPI document
 * (issue 18): an answer the document does not describe fails the test that received it, with what
 * is wrong. With -Dfupin.openapi.breaches=record the breaches are only written to
 * target/openapi-breaches.txt, to survey a document's state in one run.
 */
final class DocumentedAnswers implements Filter {

    private final OpenApiContract contract;
    private final boolean recordOnly = "record".equals(System.getProperty("fupin.openapi.breaches"));
    private final Path record;

    DocumentedAnswers(OpenApiContract contract, Path record) {
        this.contract = contract;
        this.record = record;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        List<String> breaches = contract.breaches(request.getMethod(), URI.create(request.getURI()).getRawPath(),
                answer.statusCode(), answer::header, answer.asByteArray());
        if (breaches.isEmpty()) {
            return answer;
        }
        String report = String.join("\n", breaches);
        if (recordOnly) {
            try {
                Files.writeString(record, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return answer;
        }
        throw new AssertionError("The answer to " + request.getMethod() + " " + request.getURI()
                + " is not what the OpenAPI document says:\n" + report + "\nbody: " + JsonText.excerpt(answer.asString(), 600));
    }
}
