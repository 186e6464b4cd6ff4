package io.perfharness.service.http;

import io.javalin.http.Context;
import io.perfharness.service.NoSuchEntityException;
import io.perfharness.service.pricing.PricingService;

/** {@code GET /api/products/{id}/price?qty=}: price with volume discount. Thread-safe. */
final class PricingHandler {
    static final int MAX_QUANTITY = 10_000;

    private final PricingService pricing;

    PricingHandler(PricingService pricing) {
        this.pricing = pricing;
    }

    void price(Context ctx) {
        long id = RequestParams.pathId(ctx, "id");
        int quantity = RequestParams.queryInt(ctx, "qty", 1, 1, MAX_QUANTITY);
        ctx.json(pricing.quote(id, quantity).orElseThrow(() ->
                new NoSuchEntityException("id", id, "no product with this id")));
    }
}
