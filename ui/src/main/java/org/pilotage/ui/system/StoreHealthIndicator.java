package org.pilotage.ui.system;

import org.pilotage.analytics.store.DuckDbStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while the store answers a query on its schema. A fatal DuckDB error invalidates the whole
 * database instance; from then on every query fails, and so does this check.
 */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private final DuckDbStore store;

    StoreHealthIndicator(DuckDbStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.check();
            return Health.up().withDetail("file", store.databaseFile().toString()).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", String.valueOf(e.getMessage()).lines().findFirst().orElse("")).build();
        }
    }
}
