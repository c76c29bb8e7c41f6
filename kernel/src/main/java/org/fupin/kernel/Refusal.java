package org.fupin.kernel;

import java.util.List;

/**
 * A domain rule refused what was asked, with a stable code and, where fields are to blame, the
 * violations. Domain and service code throw it; the REST edge maps its {@link Kind} to an HTTP
 * status and renders it as a problem document in the caller's language, in one place.
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal it is; the edge decides what each means on the wire. */
    public enum Kind {
        /** The request breaks rules of its own shape or values (named in the violations). */
        INVALID,
        /** The caller may see the record but may not do this to it (four eyes: not the one who proposed it). */
        FORBIDDEN,
        /** The record does not exist, or not for this caller: the two look the same on purpose. */
        NOT_FOUND,
        /** The record's state does not allow it (an illegal transition, a duplicate). */
        CONFLICT,
        /** Well-formed, but a business rule refuses it (criteria not met, an unknown reference). */
        UNPROCESSABLE,
        /** The record changed since the version the caller expected. */
        STALE,
        /** A change of an existing record that names no version to check against. */
        VERSION_REQUIRED,
        /** More than the operation takes at once. */
        TOO_LARGE
    }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;
    private final transient Object[] args;
    private final transient List<?> candidates;

    /** {@code detail} says what happened in English; {@code args} fill the localized detail of the code, where it has one. */
    public Refusal(Kind kind, String code, String detail, List<Violation> violations, Object... args) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.args = args == null ? new Object[0] : args.clone();
        this.candidates = List.of();
    }

    private Refusal(Refusal refusal, List<?> candidates) {
        super(refusal.getMessage());
        this.kind = refusal.kind;
        this.code = refusal.code;
        this.violations = refusal.violations;
        this.args = refusal.args;
        this.candidates = List.copyOf(candidates);
    }

    /**
     * The same refusal naming the records it is about, e.g. the possible duplicates of a person; they reach the
     * caller as the problem's {@code candidates}, so they must be views fit for the caller (masked as it may see them).
     */
    public Refusal withCandidates(List<?> related) {
        return new Refusal(this, related);
    }

    public List<?> candidates() {
        return candidates;
    }

    public Refusal(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of());
    }

    /** Fields that break rules; the code is {@code validation-failed}. */
    public static Refusal invalid(List<Violation> violations) {
        return new Refusal(Kind.INVALID, "validation-failed", "The request has invalid fields.", violations);
    }

    /** The request as a whole is invalid (a parameter that contradicts another), without a field to name. */
    public static Refusal invalid(String code, String detail) {
        return new Refusal(Kind.INVALID, code, detail);
    }

    public static Refusal invalid(String field, String code, String message) {
        return invalid(List.of(new Violation(field, code, message)));
    }

    /** Not found and out of the caller's region look the same on purpose: scope must not leak. */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", what + " was not found.");
    }

    public static Refusal conflict(String code, String detail) {
        return new Refusal(Kind.CONFLICT, code, detail);
    }

    public static Refusal unprocessable(String code, String detail) {
        return new Refusal(Kind.UNPROCESSABLE, code, detail);
    }

    public static Refusal unprocessable(String code, String detail, List<Violation> violations) {
        return new Refusal(Kind.UNPROCESSABLE, code, detail, violations);
    }

    /** A reference in the body names something that does not exist, or not for this caller: 422 naming the field. */
    public static Refusal unknown(String code, String detail, String field, String message, Object... args) {
        return new Refusal(Kind.UNPROCESSABLE, code, detail, List.of(new Violation(field, code, message)), args);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Object[] args() {
        return args.clone();
    }
}
