package org.fupin.household.registry.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.fupin.platform.sql.Rows;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The business gauge operators put beside the technical ones (Prometheus {@code fupin_households}): households by
 * county and status, counted every minute ({@code fupin.registry.gauges-every}) by one grouped query, never at scrape time. Counts only, no personal data.
 */
@ApplicationScoped
public class HouseholdGauges {

    private final EntityManager entityManager;
    private final MultiGauge households;

    public HouseholdGauges(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.households = MultiGauge.builder("fupin.households").description("Households in the register by county and status")
                .register(registry);
    }

    @Scheduled(every = "${fupin.registry.gauges-every:60s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        List<MultiGauge.Row<Number>> rows = QuarkusTransaction.requiringNew().call(() -> Rows.list(entityManager.createNativeQuery("""
                select left(village_code, 6) as county, status, count(*) as households
                from household group by 1, 2"""), row -> MultiGauge.Row.of(Tags.of("county", row.text("county"),
                "status", row.text("status")), row.count("households"))));
        // Overwrite: a status no household holds any more drops out instead of keeping its last count.
        households.register(rows, true);
    }
}
