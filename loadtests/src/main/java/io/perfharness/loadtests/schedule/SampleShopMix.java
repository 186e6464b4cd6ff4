package io.perfharness.loadtests.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;

/**
 * A realistic request mix for the sample shop service: browsing dominates, writes are rare, every
 * endpoint is exercised. Weights are percentages of arrivals. Immutable.
 */
public final class SampleShopMix implements RequestMix {
  // sizes of the sample service's seeded data set (see service/ and docs/faults.md)
  static final int PRODUCTS = 5_000;
  static final int CUSTOMERS = 1_000;
  static final int CARTS = 500;
  static final int ORDERS = 20_000;
  private static final String[] SEARCH_TERMS = {
    "lamp", "chair", "desk", "steel", "oak", "classic", "mini", "pro", "garden", "coffee",
    "travel", "wool", "glass", "kids", "sport", "smart", "vintage", "cable", "boot", "pan"
  };
  private static final String[] COUNTRIES = {"DE", "FR", "NL", "US", "GB", "IT", "ES", "SE"};

  private record Weighted(int weightPercent, String name) {}

  private static final List<Weighted> WEIGHTS = List.of(
      new Weighted(20, "GET /api/products"),
      new Weighted(25, "GET /api/products/{id}"),
      new Weighted(12, "GET /api/search"),
      new Weighted(10, "GET /api/products/{id}/price"),
      new Weighted(8, "GET /api/inventory/{productId}"),
      new Weighted(8, "POST /api/carts/{cartId}/items"),
      new Weighted(4, "POST /api/orders"),
      new Weighted(6, "GET /api/customers/{customerId}/orders"),
      new Weighted(4, "GET /api/orders/{orderId}/receipt"),
      new Weighted(3, "POST /api/shipping/quote"));

  @Override
  public List<String> requestNames() {
    List<String> names = new ArrayList<>();
    WEIGHTS.forEach(w -> names.add(w.name()));
    return names;
  }

  @Override
  public Map<String, Double> weights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    WEIGHTS.forEach(w -> weights.put(w.name(), (double) w.weightPercent()));
    return weights;
  }

  @Override
  public RequestSpec next(Random random) {
    int pick = random.nextInt(100);
    String name = WEIGHTS.get(WEIGHTS.size() - 1).name();
    for (Weighted w : WEIGHTS) {
      if (pick < w.weightPercent()) {
        name = w.name();
        break;
      }
      pick -= w.weightPercent();
    }
    int product = 1 + random.nextInt(PRODUCTS);
    return switch (name) {
      case "GET /api/products" -> get(name, "/api/products?page=" + random.nextInt(50) + "&size=20");
      case "GET /api/products/{id}" -> get(name, "/api/products/" + product);
      case "GET /api/search" -> get(name, "/api/search?q=" + SEARCH_TERMS[random.nextInt(SEARCH_TERMS.length)]);
      case "GET /api/products/{id}/price" ->
          get(name, "/api/products/" + product + "/price?qty=" + (1 + random.nextInt(20)));
      case "GET /api/inventory/{productId}" -> get(name, "/api/inventory/" + product);
      case "POST /api/carts/{cartId}/items" -> post(name, "/api/carts/" + (1 + random.nextInt(CARTS)) + "/items",
          "{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(3)) + "}");
      case "POST /api/orders" -> {
        int customer = 1 + random.nextInt(CUSTOMERS);
        yield post(name, "/api/orders", "{\"customerId\":" + customer + ",\"email\":\"customer" + customer
            + "@shop.example\",\"items\":[{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(3))
            + "},{\"productId\":" + (1 + random.nextInt(PRODUCTS)) + ",\"quantity\":1}]}");
      }
      case "GET /api/customers/{customerId}/orders" ->
          get(name, "/api/customers/" + (1 + random.nextInt(CUSTOMERS)) + "/orders");
      case "GET /api/orders/{orderId}/receipt" ->
          get(name, "/api/orders/" + (1 + random.nextInt(ORDERS)) + "/receipt");
      default -> post(name, "/api/shipping/quote", String.format(Locale.ROOT,
          "{\"country\":\"%s\",\"postalCode\":\"%05d\",\"weightGrams\":%d}",
          COUNTRIES[random.nextInt(COUNTRIES.length)], random.nextInt(100_000), 100 + random.nextInt(20_000)));
    };
  }

  private static RequestSpec get(String name, String path) {
    return new RequestSpec(name, "GET", path, "");
  }

  private static RequestSpec post(String name, String path, String body) {
    return new RequestSpec(name, "POST", path, body);
  }
}
