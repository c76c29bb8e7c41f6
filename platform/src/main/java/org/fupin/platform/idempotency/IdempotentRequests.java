package org.fupin.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.fupin.platform.sql.Rows;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The {@code Idempotency-Key} of creating POSTs: the first request with a key runs and its response
 * is stored in the same transaction; a repeat with the same body gets that response again (marked
 * {@code Idempotent-Replayed: true}), a repeat with another body gets 422 {@code idempotency-key-reused}.
 * Keys belong to the caller (token subject) and are kept for a day. Two requests racing with one key
 * are serialized by the key's primary key: the second waits, then replays.
 */
@ApplicationScoped
@IfBuildProperty(name = "fupin.idempotency.enabled", stringValue = "true", enableIfMissing = true)
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Duration RETENTION = Duration.ofHours(24);

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Runs {@code action} once per key. {@code request} identifies what was asked (method, path and
     * parsed body); the response entity must be serializable to JSON.
     */
    @Transactional
    public Response execute(String key, String caller, String request, Object body, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(List.of(new FieldError(HEADER, "invalid-idempotency-key",
                    "An Idempotency-Key has 1 to 255 visible ASCII characters.")));
        }
        String hash = hash(request, body);
        int claimed = entityManager.createNativeQuery("""
                insert into idempotency_key (caller, key, request_hash, status) values (:caller, :key, :hash, 0)
                on conflict do nothing""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .executeUpdate();
        if (claimed == 0) {
            return replay(caller, key, hash);
        }
        Response response = action.get();
        entityManager.createNativeQuery("""
                update idempotency_key set status = :status, location = :location, etag = :etag, body = :body
                where caller = :caller and key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("etag", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("body", write(response.getEntity()))
                .setParameter("caller", caller)
                .setParameter("key", key)
                .executeUpdate();
        return response;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from idempotency_key where created_at < :before")
                .setParameter("before", Instant.now().minus(RETENTION))
                .executeUpdate());
    }

    private Response replay(String caller, String key, String hash) {
        StoredAnswer stored = Rows.single(entityManager.createNativeQuery("""
                select request_hash, status, location, etag, body from idempotency_key where caller = :caller and key = :key""")
                .setParameter("caller", caller)
                .setParameter("key", key), row -> new StoredAnswer(row.text("request_hash"), (int) row.count("status"),
                        row.text("location"), row.text("etag"), row.text("body")));
        if (!hash.equals(stored.requestHash())) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        Response.ResponseBuilder response = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.header(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            response.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    /** The answer first given to a request with this key. */
    private record StoredAnswer(String requestHash, int status, String location, String etag, String body) {
    }

    private String hash(String request, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(write(body)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize for the idempotency record", e);
        }
    }
}
