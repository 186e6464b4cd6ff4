package io.perfharness.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfharness.service.catalog.CategoryDirectory;
import io.perfharness.service.catalog.InventoryRepository;
import io.perfharness.service.catalog.ProductRepository;
import io.perfharness.service.catalog.ProductViewTracker;
import io.perfharness.service.logging.JsonLineWriter;
import io.perfharness.service.metrics.RequestTimers;
import io.perfharness.service.metrics.ShopMetrics;
import io.perfharness.service.orders.CartRepository;
import io.perfharness.service.orders.OrderHistoryRepository;
import io.perfharness.service.orders.OrderRepository;
import io.perfharness.service.orders.OrderService;
import io.perfharness.service.orders.ReceiptFormatter;
import io.perfharness.service.orders.ReceiptReconciler;
import io.perfharness.service.pricing.PricingService;
import io.perfharness.service.shipping.ShippingQuoteService;
import io.perfharness.service.shipping.TariffWatch;
import io.perfharness.service.validation.InputValidator;
import java.util.function.BooleanSupplier;

/** Everything the HTTP layer calls into, wired by {@code ShopService}. */
public record HttpServices(
        ProductRepository products,
        InventoryRepository inventory,
        CategoryDirectory categories,
        ProductViewTracker viewTracker,
        InputValidator validator,
        PricingService pricing,
        CartRepository carts,
        OrderService orderService,
        OrderRepository orders,
        OrderHistoryRepository history,
        ReceiptFormatter receipts,
        ReceiptReconciler reconciler,
        ShippingQuoteService shipping,
        TariffWatch tariffWatch,
        ShopMetrics metrics,
        RequestTimers timers,
        JsonLineWriter log,
        boolean logRequests,
        CpuScale cpuScale,
        BooleanSupplier ready,
        ObjectMapper mapper) {}
