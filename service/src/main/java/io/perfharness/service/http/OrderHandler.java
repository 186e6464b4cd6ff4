package io.perfharness.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.perfharness.service.NoSuchEntityException;
import io.perfharness.service.orders.NewOrder;
import io.perfharness.service.orders.OrderHistoryRepository;
import io.perfharness.service.orders.OrderItemRequest;
import io.perfharness.service.orders.OrderRepository;
import io.perfharness.service.orders.OrderService;
import io.perfharness.service.orders.PlacedOrder;
import io.perfharness.service.orders.ReceiptData;
import io.perfharness.service.orders.ReceiptDocument;
import io.perfharness.service.orders.ReceiptFormatter;
import io.perfharness.service.orders.ReceiptReconciler;
import io.perfharness.service.validation.InputValidator;
import java.util.ArrayList;
import java.util.List;

/** Order endpoints: place, a customer's history, receipt. Thread-safe. */
final class OrderHandler {
    static final int MAX_ITEMS = 20;
    static final int MAX_QUANTITY = 99;
    static final int MAX_HISTORY = 100;

    private final OrderService orderService;
    private final OrderRepository orders;
    private final OrderHistoryRepository history;
    private final ReceiptFormatter receipts;
    private final ReceiptReconciler reconciler;
    private final InputValidator validator;
    private final ObjectMapper mapper;

    OrderHandler(OrderService orderService, OrderRepository orders, OrderHistoryRepository history,
            ReceiptFormatter receipts, ReceiptReconciler reconciler, InputValidator validator, ObjectMapper mapper) {
        this.orderService = orderService;
        this.orders = orders;
        this.history = history;
        this.receipts = receipts;
        this.reconciler = reconciler;
        this.validator = validator;
        this.mapper = mapper;
    }

    /** {@code POST /api/orders}: 201 with the order id and priced lines. */
    void placeOrder(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, mapper);
        long customerId = body.requiredId("customerId");
        String email = body.requiredText("email", InputValidator.MAX_INPUT_CHARS);
        if (!validator.isValidEmail(email)) {
            throw ApiException.badRequest("must be an e-mail address like name@example.com", "email", email);
        }
        JsonBody[] itemBodies = body.requiredObjects("items", 1, MAX_ITEMS);
        List<OrderItemRequest> items = new ArrayList<>(itemBodies.length);
        for (JsonBody item : itemBodies) {
            items.add(new OrderItemRequest(item.requiredId("productId"),
                    item.requiredInt("quantity", 1, MAX_QUANTITY)));
        }
        PlacedOrder placed = orderService.place(new NewOrder(customerId, email, items));
        ctx.status(201).header("Location", "/api/orders/" + placed.orderId() + "/receipt").json(placed);
    }

    /** {@code GET /api/customers/{customerId}/orders?limit=}: newest first, items with product names. */
    void customerOrders(Context ctx) {
        long customerId = RequestParams.pathId(ctx, "customerId");
        int limit = RequestParams.queryInt(ctx, "limit", 20, 1, MAX_HISTORY);
        ctx.json(history.forCustomer(customerId, limit).orElseThrow(() ->
                new NoSuchEntityException("customerId", customerId, "no customer with this id")));
    }

    /** {@code GET /api/orders/{orderId}/receipt?format=text|json}: text/plain by default. */
    void receipt(Context ctx) {
        long orderId = RequestParams.pathId(ctx, "orderId");
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("text") && !format.equals("json")) {
            throw ApiException.badRequest("must be text or json", "format", format);
        }
        ReceiptData data = orders.receiptData(orderId).orElseThrow(() ->
                new NoSuchEntityException("orderId", orderId, "no order with this id"));
        reconciler.viewed(orderId);
        String text = receipts.format(data);
        if ("json".equals(format)) {
            ctx.json(new ReceiptDocument(data.orderId(), data.customerId(), data.totalCents(),
                    ReceiptFormatter.lineCount(text), text));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(text);
        }
    }
}
