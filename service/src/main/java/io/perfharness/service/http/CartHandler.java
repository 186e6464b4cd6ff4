package io.perfharness.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.perfharness.service.orders.CartRepository;

/** {@code POST /api/carts/{cartId}/items} with {@code {"productId":1,"quantity":2}}. Thread-safe. */
final class CartHandler {
    static final int MAX_QUANTITY = 99;

    private final CartRepository carts;
    private final ObjectMapper mapper;

    CartHandler(CartRepository carts, ObjectMapper mapper) {
        this.carts = carts;
        this.mapper = mapper;
    }

    void addItem(Context ctx) {
        long cartId = RequestParams.pathId(ctx, "cartId");
        JsonBody body = JsonBody.parse(ctx, mapper);
        long productId = body.requiredId("productId");
        int quantity = body.requiredInt("quantity", 1, MAX_QUANTITY);
        ctx.json(carts.addItem(cartId, productId, quantity));
    }
}
