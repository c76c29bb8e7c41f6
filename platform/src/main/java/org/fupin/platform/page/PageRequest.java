package org.fupin.platform.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/**
 * Keyset pagination: {@code limit} (default 50, at most 500) and an opaque cursor that encodes the
 * sort key of the last item seen. Keyset rather than offset so that a page stays fast and stable
 * while households are being registered.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Reads the query parameters; a bad limit or a cursor that was not issued by us answers 400. */
    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw new ProblemException(400, "invalid-parameter", "limit must be between 1 and " + MAX_LIMIT + ".",
                    List.of(new FieldError("limit", "range", "limit must be between 1 and " + MAX_LIMIT + ".")));
        }
        return new PageRequest(effective, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    /**
     * Reads the {@code limit} and {@code cursor} query parameters as the client sent them: a limit
     * that is not a whole number answers 400 {@code invalid-parameter} like one out of range (a
     * typed parameter would answer 404, which says the wrong thing).
     */
    public static PageRequest fromQuery(String limit, String cursor) {
        if (limit == null || limit.isBlank()) {
            return of(null, cursor);
        }
        try {
            return of(Integer.valueOf(limit.strip()), cursor);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "invalid-parameter", "limit is a whole number from 1 to " + MAX_LIMIT + ".",
                    List.of(new FieldError("limit", "type", "limit is a whole number from 1 to " + MAX_LIMIT + ".")));
        }
    }

    /** Fetch one more than the limit to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Cuts the fetched rows to the page and makes the cursor from the sort key of its last item. */
    public <T> Page<T> page(List<T> fetched, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, encode(sortKey.apply(items.get(items.size() - 1))));
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            // No sort key holds U+0000 (PostgreSQL text cannot): a key with one was forged, and would fail the query.
            if (decoded.startsWith("k:") && decoded.indexOf('\0') < 0) {
                return decoded.substring(2);
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the problem below
        }
        throw new ProblemException(400, "invalid-cursor", "The cursor is not one this list issued; start again without it.");
    }
}
