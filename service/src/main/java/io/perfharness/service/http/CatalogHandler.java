package io.perfharness.service.http;

import io.javalin.http.Context;
import io.perfharness.service.NoSuchEntityException;
import io.perfharness.service.catalog.Category;
import io.perfharness.service.catalog.CategoryDirectory;
import io.perfharness.service.catalog.InventoryRepository;
import io.perfharness.service.catalog.ProductDetail;
import io.perfharness.service.catalog.ProductRepository;
import io.perfharness.service.catalog.ProductSummary;
import io.perfharness.service.catalog.ProductViewTracker;
import io.perfharness.service.catalog.SearchResult;
import io.perfharness.service.catalog.SearchTerms;
import io.perfharness.service.validation.InputValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Catalog endpoints: listing, detail, search, inventory, categories. Thread-safe. */
final class CatalogHandler {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_SEARCH_TERMS = 8;

    private final ProductRepository products;
    private final InventoryRepository inventory;
    private final CategoryDirectory categories;
    private final InputValidator validator;
    private final ProductViewTracker viewTracker;

    CatalogHandler(ProductRepository products, InventoryRepository inventory, CategoryDirectory categories,
            InputValidator validator, ProductViewTracker viewTracker) {
        this.products = products;
        this.inventory = inventory;
        this.categories = categories;
        this.validator = validator;
        this.viewTracker = viewTracker;
    }

    /** {@code GET /api/products?category=&page=&size=}: page is zero-based, size 1..100. */
    void listProducts(Context ctx) {
        String categoryName = ctx.queryParam("category");
        Optional<Category> category = Optional.empty();
        if (categoryName != null && !categoryName.isEmpty()) {
            category = Optional.of(categories.byName(categoryName).orElseThrow(() ->
                    new NoSuchEntityException("category", categoryName, "no such category")));
        }
        int page = RequestParams.queryInt(ctx, "page", 0, 0, 100_000);
        int size = RequestParams.queryInt(ctx, "size", 20, 1, MAX_PAGE_SIZE);
        ctx.json(products.page(category, page, size));
    }

    /** {@code GET /api/products/{id}}. */
    void productDetail(Context ctx) {
        long id = RequestParams.pathId(ctx, "id");
        Optional<ProductDetail> detail = viewTracker.whileViewing(id, RequestTracking.requestId(ctx),
                () -> products.detail(id));
        ctx.json(detail.orElseThrow(() -> new NoSuchEntityException("id", id, "no product with this id")));
    }

    /** {@code GET /api/search?q=&limit=}. */
    void search(Context ctx) {
        String query = ctx.queryParam("q");
        if (query == null || query.isEmpty()) {
            throw ApiException.badRequest("is required", "q", null);
        }
        if (!validator.isValidSearchQuery(query)) {
            throw ApiException.badRequest("must be 2..64 letters, digits, spaces or ' & . , + - starting and"
                    + " ending with a letter or digit, and must not contain a blocked term", "q", query);
        }
        int limit = RequestParams.queryInt(ctx, "limit", 20, 1, 50);
        Set<String> terms = SearchTerms.of(query);
        List<String> used = terms.stream().limit(MAX_SEARCH_TERMS).toList();
        List<ProductSummary> shown = new ArrayList<>();
        for (ProductSummary item : products.search(used, limit)) {
            // names come from supplier feeds: never show one with a term the shop refuses to search for
            if (validator.isAllowedProductName(item.name())) {
                shown.add(item);
            }
        }
        ctx.json(new SearchResult(query, shown.size(), shown));
    }

    /** {@code GET /api/inventory/{productId}}. */
    void inventory(Context ctx) {
        long id = RequestParams.pathId(ctx, "productId");
        ctx.json(inventory.stock(id).orElseThrow(() ->
                new NoSuchEntityException("productId", id, "no product with this id")));
    }

    /** {@code GET /api/categories}: the names the catalog listing accepts. */
    void categories(Context ctx) {
        ctx.json(Map.of("categories", categories.all()));
    }
}
