package io.perfharness.service.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import io.perfharness.service.NoSuchEntityException;
import io.perfharness.service.db.DataAccessException;
import io.perfharness.service.shipping.CarrierUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The shop's HTTP API on Javalin (Jetty 12): routes, error mapping to {@link ApiError} JSON, request
 * tracking. Not thread-safe to start or stop concurrently; serving is.
 */
public final class ShopHttpServer implements AutoCloseable {
    public static final String THREAD_POOL_NAME = "shop-http";
    static final int MAX_THREADS = 200;
    static final int MIN_THREADS = 8;

    private final Javalin app;
    private final HttpServices services;

    private ShopHttpServer(Javalin app, HttpServices services) {
        this.app = app;
        this.services = services;
    }

    /** Starts listening; {@code port} 0 picks a free port. */
    public static ShopHttpServer start(String host, int port, HttpServices services) {
        Javalin app = Javalin.create(config -> configure(config, services));
        ShopHttpServer server = new ShopHttpServer(app, services);
        app.start(host, port);
        return server;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void configure(JavalinConfig config, HttpServices s) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(s.mapper(), false));
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000);
        threads.setName(THREAD_POOL_NAME);
        config.jetty.threadPool = threads;

        RequestTracking tracking = new RequestTracking(s.timers(), s.log(), s.logRequests());
        config.routes.before(tracking::start);
        config.requestLogger.http(tracking::complete);
        if (s.cpuScale().isOn()) {
            // after the handlers and before the response is written, so latency feels the extra CPU
            config.routes.before(s.cpuScale()::start);
            config.routes.after(s.cpuScale()::scale);
        }

        CatalogHandler catalog = new CatalogHandler(s.products(), s.inventory(), s.categories(), s.validator(),
                s.viewTracker());
        PricingHandler pricing = new PricingHandler(s.pricing());
        CartHandler carts = new CartHandler(s.carts(), s.mapper());
        OrderHandler orders = new OrderHandler(s.orderService(), s.orders(), s.history(), s.receipts(),
                s.reconciler(), s.validator(), s.mapper());
        ShippingHandler shipping = new ShippingHandler(s.shipping(), s.tariffWatch(), s.mapper());
        OpsHandler ops = new OpsHandler(s.metrics(), s.ready());

        config.routes.get("/health", ops::health);
        config.routes.get("/metrics", ops::metrics);
        config.routes.get("/api/categories", catalog::categories);
        config.routes.get("/api/products", catalog::listProducts);
        config.routes.get("/api/products/{id}", catalog::productDetail);
        config.routes.get("/api/products/{id}/price", pricing::price);
        config.routes.get("/api/search", catalog::search);
        config.routes.get("/api/inventory/{productId}", catalog::inventory);
        config.routes.post("/api/carts/{cartId}/items", carts::addItem);
        config.routes.post("/api/orders", orders::placeOrder);
        config.routes.get("/api/customers/{customerId}/orders", orders::customerOrders);
        config.routes.get("/api/orders/{orderId}/receipt", orders::receipt);
        config.routes.post("/api/shipping/quote", shipping::quote);

        ErrorResponses errors = new ErrorResponses(s);
        config.routes.exception(ApiException.class, errors::api);
        config.routes.exception(NoSuchEntityException.class, errors::notFound);
        config.routes.exception(EndpointNotFound.class, errors::noRoute);
        config.routes.exception(HttpResponseException.class, errors::http);
        config.routes.exception(CarrierUnavailableException.class, errors::unavailable);
        config.routes.exception(DataAccessException.class, errors::internal);
        config.routes.exception(Exception.class, errors::internal);
    }

    /** Maps exceptions to {@link ApiError} responses; 5xx also get an ERROR event line. */
    private record ErrorResponses(HttpServices services) {
        void api(ApiException e, Context ctx) {
            ctx.status(e.status()).json(e.toError());
        }

        void notFound(NoSuchEntityException e, Context ctx) {
            ctx.status(404).json(new ApiError(e.getMessage(), e.field(), e.value()));
        }

        void noRoute(EndpointNotFound e, Context ctx) {
            ctx.status(404).json(new ApiError("no route for " + ctx.method().name() + " " + ctx.path(), "path",
                    ctx.path()));
        }

        void http(HttpResponseException e, Context ctx) {
            ctx.status(e.getStatus()).json(new ApiError(e.getMessage(), null, null));
        }

        void unavailable(CarrierUnavailableException e, Context ctx) {
            report(e, ctx);
            ctx.status(503).json(new ApiError(e.getMessage(), null, null));
        }

        void internal(Exception e, Context ctx) {
            report(e, ctx);
            ctx.status(500).json(new ApiError("internal error: " + e.getClass().getSimpleName(), null, null));
        }

        private void report(Exception e, Context ctx) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("requestId", RequestTracking.requestId(ctx));
            fields.put("path", ctx.path());
            fields.put("exception", e.getClass().getName());
            fields.put("message", e.getMessage());
            services.log().event("ERROR", "request_failed", fields);
        }
    }
}
