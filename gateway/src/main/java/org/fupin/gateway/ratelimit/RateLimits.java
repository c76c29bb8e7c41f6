package org.fupin.gateway.ratelimit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One token bucket per caller ({@code sub}), sized by the caller's most generous role. Buckets of
 * callers idle for an hour are forgotten, which bounds memory; a forgotten caller starts full again.
 * Limits hold per gateway instance: behind N instances a caller gets up to N times the budget.
 */
@ApplicationScoped
public class RateLimits {

    /** The outcome for one request, with what the RateLimit headers report. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(1, TimeUnit.HOURS)
            .maximumSize(200_000)
            .build();

    private final Counter refused;

    public RateLimits(RateLimitConfig config, MeterRegistry registry) {
        this.config = config;
        this.refused = Counter.builder("fupin.gateway.rate.limited").description("Requests refused with 429 (rate limit)")
                .register(registry);
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision consume(String subject, Set<String> roles) {
        RateLimitConfig.Limit limit = limitOf(roles);
        Bucket bucket = buckets.get(subject + "|" + limit.requests() + "/" + limit.period(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit.requests(), probe.getRemainingTokens(), reset, 0);
        }
        refused.increment();
        return new Decision(false, limit.requests(), 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    RateLimitConfig.Limit limitOf(Set<String> roles) {
        RateLimitConfig.Limit best = null;
        for (String role : roles) {
            RateLimitConfig.Limit candidate = config.roles().get(role);
            if (candidate != null && (best == null || perSecond(candidate) > perSecond(best))) {
                best = candidate;
            }
        }
        return best == null ? config.defaults() : best;
    }

    private static double perSecond(RateLimitConfig.Limit limit) {
        return (double) limit.requests() / Math.max(1, limit.period().toMillis()) * 1000;
    }

    private static long seconds(long nanos) {
        return (long) Math.ceil(nanos / (double) Duration.ofSeconds(1).toNanos());
    }
}
