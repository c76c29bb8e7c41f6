package org.fupin.platform.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.fupin.kernel.Refusal;
import org.fupin.platform.web.AllowedMethods;
import org.fupin.platform.web.RequestIds;
import org.fupin.platform.web.StrictJson;
import org.fupin.platform.web.TrailingTokens;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one exception-to-problem mapping of every service. Client mistakes become 4xx with a stable
 * code; anything unexpected becomes a bare 500 that reveals nothing of the internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** After an overload or a database restart: about the pool's acquisition timeout, so a retry finds a free connection. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return ProblemResponses.of(e, headers);
    }

    /** A domain rule refused: the refusal's kind decides the status ({@link Refusals}). */
    @ServerExceptionMapper
    public Response refusal(Refusal e, HttpHeaders headers) {
        return ProblemResponses.of(Refusals.toProblem(e), headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(
                    fieldOf(violation.getPropertyPath().toString()),
                    ViolationCodes.codeOf(violation),
                    violation.getMessage(),
                    ViolationCodes.paramsOf(violation)));
        }
        // Sorted first, so that the errors an answer lists (at most FieldErrors.MAX) are the same every time.
        errors.sort(java.util.Comparator.comparing(FieldError::field).thenComparing(FieldError::code));
        return ProblemResponses.of(ProblemException.invalid(errors), headers);
    }

    /** Listed one by one because Quarkus maps the more specific Jackson exceptions itself, without a body. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class, JsonMappingException.class,
            StreamReadException.class })
    public Response json(JsonProcessingException e, HttpHeaders headers) {
        return ProblemResponses.of(fromJson(e), headers);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers) {
        return ProblemResponses.of(ProblemException.unauthenticated(), headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        return ProblemResponses.of(ProblemException.unauthenticated(), headers);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, HttpHeaders headers) {
        return ProblemResponses.of(ProblemException.unauthenticated(), headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return ProblemResponses.of(new ProblemException(403, "forbidden",
                "Your role does not allow this operation."), headers);
    }

    /** Two writers raced on one record: the loser is told to read again, as with a stale If-Match. */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response concurrentChange(RuntimeException e, HttpHeaders headers) {
        return ProblemResponses.of(ProblemException.preconditionFailed(), headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return ProblemResponses.of(fromJson(json), headers);
        }
        if (cause instanceof ProblemException problem) {
            return ProblemResponses.of(problem, headers);
        }
        if (cause instanceof Refusal refusal) {
            return refusal(refusal, headers);
        }
        Response problem = ProblemResponses.of(fromStatus(e), headers);
        if (!(e instanceof NotAllowedException)) {
            return problem;
        }
        // A 405 says which methods the resource has (RFC 9110 §15.5.6); the REST layer leaves it out.
        return allowedMethods.allow(uri.getPath())
                .map(allow -> Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build())
                .orElse(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        if (e.getCause() instanceof ProblemException problem) {
            return ProblemResponses.of(problem, headers);
        }
        if (e.getCause() instanceof Refusal refusal) {
            return refusal(refusal, headers);
        }
        if (DatabaseUnavailable.explains(e)) {
            LOG.warnf("Request %s found the database unavailable or every connection busy: %s", requestId(headers), e.getMessage());
            return Response.fromResponse(ProblemResponses.of(new ProblemException(503, "service-unavailable",
                    "The service cannot reach its database just now, or is too busy to; nothing was changed. Try again shortly."),
                    headers)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected failure of request %s", requestId(headers));
        return ProblemResponses.of(new ProblemException(500, "internal-error",
                "The request failed on our side; it has been logged. Quote the request id when you report it."), headers);
    }

    private static String requestId(HttpHeaders headers) {
        return headers == null ? "?" : headers.getHeaderString(RequestIds.HEADER);
    }

    private static ProblemException fromStatus(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return new ProblemException(404, "not-found", "No resource at this path.");
        }
        if (e instanceof NotAllowedException) {
            return new ProblemException(405, "method-not-allowed", "This method is not allowed on this resource.");
        }
        if (e instanceof NotSupportedException) {
            return new ProblemException(415, "unsupported-media-type", "This Content-Type is not accepted here; see the operation's request body in the OpenAPI document.");
        }
        if (e instanceof NotAcceptableException) {
            return new ProblemException(406, "not-acceptable", "No representation matches the Accept header.");
        }
        if (status == 413) {
            return new ProblemException(413, "payload-too-large", "The request body is larger than this endpoint accepts.");
        }
        if (status >= 500) {
            LOG.error("Web exception with server status", e);
            return new ProblemException(status, "internal-error", "The request failed on our side.");
        }
        return new ProblemException(status, "http-" + status, Response.Status.fromStatusCode(status) == null
                ? "The request was rejected." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".");
    }

    private static ProblemException fromJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return new ProblemException(400, "unknown-field", "Unknown field '" + field + "'.",
                    List.of(new FieldError(field, "unknown-field", "This field is not part of the request.")));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(StrictJson.DUPLICATE_KEY)) {
            String message = e.getOriginalMessage();
            int end = message.indexOf('\'', StrictJson.DUPLICATE_KEY.length());
            String key = end < 0 ? "(body)" : message.substring(StrictJson.DUPLICATE_KEY.length(), end);
            return new ProblemException(400, "duplicate-key", "A key appears twice in one JSON object of the body.",
                    List.of(new FieldError(key, "duplicate-key", "This key appears twice in one JSON object.")));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(TrailingTokens.REFUSAL)) {
            return new ProblemException(400, "malformed-json", "The request body has more after its JSON value.");
        }
        if (e instanceof InvalidFormatException || (e instanceof JsonMappingException && !(e instanceof StreamReadException))) {
            String field = pathOf((JsonMappingException) e);
            return new ProblemException(400, "invalid-value", "Field '" + field + "' has a value of the wrong type or format.",
                    List.of(new FieldError(field, "invalid-value", "Wrong type or format.")));
        }
        return new ProblemException(400, "malformed-json", "The request body is not well-formed JSON.");
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** Bean Validation paths start with method and parameter names ("register.body.members[0].name"). */
    static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
