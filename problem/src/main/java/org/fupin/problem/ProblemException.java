package org.fupin.problem;

import java.util.List;

/**
 * A client-visible failure with a stable code. Services throw it from their domain and service
 * layers; the services and the gateway turn it into {@code application/problem+json}.
 * The {@code detail} is written in English by the thrower; the localized title comes from the
 * code. Arguments fill the localized message of the code when one exists.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final int moreErrors;
    private final transient Object[] args;
    private transient List<?> candidates = List.of();

    /** At most {@link FieldErrors#MAX} of the errors are kept; the others are counted in {@link #moreErrors()}. */
    public ProblemException(int status, String code, String detail, List<FieldError> errors, Object... args) {
        this(status, code, detail, errors == null ? List.of() : errors, 0, args);
    }

    /** For {@link FieldErrors}: the arguments as an array, so that no call of the public constructor lands here. */
    ProblemException(int status, String code, String detail, List<FieldError> errors, int moreErrors, Object[] args) {
        super(detail);
        this.status = status;
        this.code = code;
        List<FieldError> all = errors == null ? List.of() : errors;
        this.errors = List.copyOf(all.size() > FieldErrors.MAX ? all.subList(0, FieldErrors.MAX) : all);
        this.moreErrors = moreErrors + Math.max(0, all.size() - FieldErrors.MAX);
        this.args = args == null ? new Object[0] : args.clone();
    }

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    /** No token, or one that fails verification; the same answer whatever the reason, on purpose. */
    public static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated",
                "A valid bearer token is required: signed by the suite's key, not expired, for this issuer and audience.");
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation-failed", "The request has invalid fields.", errors);
    }

    /** Not found and out of the caller's region look the same on purpose: scope must not leak. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", what + " was not found.");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail, List<FieldError> errors) {
        return new ProblemException(422, code, detail, errors);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required",
                "This change needs an If-Match header with the resource's current ETag.");
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "precondition-failed",
                "The resource changed since the ETag given in If-Match; read it again and retry.");
    }

    /** The records the problem is about (possible duplicates), shown as the document's {@code candidates}. */
    public ProblemException withCandidates(List<?> related) {
        this.candidates = List.copyOf(related);
        return this;
    }

    public List<?> candidates() {
        return candidates;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** How many field errors were found beyond those listed. */
    public int moreErrors() {
        return moreErrors;
    }

    public Object[] args() {
        return args.clone();
    }
}
