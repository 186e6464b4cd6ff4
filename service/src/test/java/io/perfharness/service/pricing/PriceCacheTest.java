package io.perfharness.service.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceCacheTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<Long> loads = new ArrayList<>();
    private final List<Boolean> loadedUnderCacheLock = new ArrayList<>();
    private final Counter faultPath = new SimpleMeterRegistry().counter("fault");
    private PriceCache cache;

    private PriceCache cache(boolean globalLock) {
        cache = new PriceCache(this::load, globalLock, faultPath, nanos::get, Duration.ofSeconds(2));
        return cache;
    }

    private Optional<PriceSchedule> load(long productId) {
        loads.add(productId);
        loadedUnderCacheLock.add(Thread.holdsLock(cache.monitor()));
        return productId > 100 ? Optional.empty()
                : Optional.of(new PriceSchedule(productId, 1_000, 0, 0, List.of(new VolumeTier(10, 5))));
    }

    @ParameterizedTest(name = "globalLock={0}")
    @ValueSource(booleans = {true, false})
    void servesFreshEntriesFromTheCacheAndReloadsAfterTheTtl(boolean globalLock) {
        PriceCache cache = cache(globalLock);
        assertThat(cache.get(7)).map(PriceSchedule::productId).contains(7L);
        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(cache.get(7)).isPresent();
        assertThat(loads).containsExactly(7L);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get(7)).isPresent();
        assertThat(loads).containsExactly(7L, 7L);
    }

    @ParameterizedTest(name = "globalLock={0}")
    @ValueSource(booleans = {true, false})
    void doesNotCacheUnknownProducts(boolean globalLock) {
        PriceCache cache = cache(globalLock);
        assertThat(cache.get(500)).isEmpty();
        assertThat(cache.get(500)).isEmpty();
        assertThat(loads).containsExactly(500L, 500L);
    }

    @ParameterizedTest(name = "globalLock={0}")
    @ValueSource(booleans = {true, false})
    void holdsTheCoarseLockDuringTheLoadOnlyWithTheFault(boolean globalLock) {
        PriceCache cache = cache(globalLock);
        cache.get(1);
        cache.get(1);
        cache.get(2);
        assertThat(loadedUnderCacheLock).containsOnly(globalLock).hasSize(2);
        assertThat(faultPath.count()).isEqualTo(globalLock ? 3 : 0);
    }

    @ParameterizedTest(name = "quantity={0}")
    @ValueSource(ints = {1, 9, 10, 49, 50, 100, 5_000})
    void quotesApplyTheHighestTierReached(int quantity) {
        PriceSchedule schedule = new PriceSchedule(1, 1_999, 5, 10,
                List.of(new VolumeTier(10, 3), new VolumeTier(50, 8), new VolumeTier(100, 12)));
        int tierPct = quantity >= 100 ? 12 : quantity >= 50 ? 8 : quantity >= 10 ? 3 : 0;
        PriceQuote quote = schedule.quote(quantity);
        assertThat(quote.discountPct()).isEqualTo(5 + 10 + tierPct);
        assertThat(quote.unitPriceCents()).isEqualTo((1_999L * (100 - quote.discountPct()) + 50) / 100);
        assertThat(quote.totalCents()).isEqualTo(quote.unitPriceCents() * quantity);
    }
}
