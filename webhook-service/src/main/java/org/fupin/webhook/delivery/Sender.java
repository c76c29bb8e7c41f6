package org.fupin.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.webhook.config.WebhookConfig;
import org.fupin.webhook.signing.Signatures;
import org.fupin.webhook.egress.Targets;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one delivery the Standard Webhooks way: the CloudEvent as body, {@code webhook-id} (the event's id, the
 * same on every attempt, so receivers can drop duplicates), {@code webhook-timestamp} and {@code webhook-signature}.
 * The target is checked again before each attempt, and the connection goes to the address that was checked;
 * redirects are not followed (a redirect could lead anywhere). Blocks the calling thread until the answer or
 * the timeout, so each delivery in flight holds one thread and nothing else.
 */
@ApplicationScoped
public class Sender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    /** What happened: an attempt, or a target that may no longer be used. */
    public record Result(Attempt attempt, Targets.Refused refused) {
    }

    private final Targets targets;
    private final WebhookConfig config;
    private final HttpClient client;
    private final Clock clock = Clock.systemUTC();

    public Sender(Targets targets, WebhookConfig config, Vertx vertx) {
        this.targets = targets;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxInFlightPerSubscription())
                .setKeepAlive(true)
                .setVerifyHost(true));
    }

    public Result send(DeliveryQueue.Claimed delivery) {
        Instant start = clock.instant();
        Targets.Outcome target = targets.check(delivery.url());
        if (target.refused() != null) {
            return new Result(new Attempt(start, null, "refused before sending: " + target.refused().reason(), millisSince(start)),
                    target.refused());
        }
        long timestamp = start.getEpochSecond();
        Duration timeout = config.requestTimeout();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(delivery.url().toString())
                .setServer(SocketAddress.inetSocketAddress(target.target().port(), target.target().address().getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "fupin-webhooks/1")
                .putHeader("webhook-id", delivery.eventId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.sign(delivery.secret(), delivery.eventId(), timestamp, delivery.body()));
        try {
            int status = client.request(request)
                    .compose(outgoing -> outgoing.send(Buffer.buffer(delivery.body())))
                    .map(response -> {
                        // Only the status counts; the body is read and dropped so the connection can be reused.
                        response.handler(ignored -> { });
                        return response.statusCode();
                    })
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            boolean success = status >= 200 && status < 300;
            return new Result(new Attempt(start, status, success ? null : "answered " + status, millisSince(start)), null);
        } catch (TimeoutException e) {
            return failure(start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return failure(start, message.contains("timeout") || message.contains("timed out")
                    ? "no answer within " + timeout.toMillis() + " ms" : message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(start, "interrupted while sending");
        }
    }

    private Result failure(Instant start, String error) {
        return new Result(new Attempt(start, null, error, millisSince(start)), null);
    }

    private int millisSince(Instant start) {
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(start, clock.instant()).toMillis());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
