package io.perfharness.service.db;

import io.perfharness.service.catalog.SearchTerms;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Writes the deterministic seed: the same rows, ids and prices on every start (fixed random seed,
 * fixed generation order), so baseline and candidate runs see the same data. Multi-row batched
 * inserts on two parallel connections keep the seed to a second or two on H2. Stateless.
 */
public final class SeedDataWriter {
    public static final long RANDOM_SEED = 20_251_126L;
    public static final int PRODUCTS = 5_000;
    public static final int CUSTOMERS = 1_000;
    public static final int ORDERS = 20_000;
    public static final int CARTS = 500;
    public static final int MAX_ITEMS_PER_ORDER = 8;
    /** Seed orders are placed every 20 minutes from this UTC time on. */
    public static final LocalDateTime FIRST_ORDER_AT = LocalDateTime.of(2025, 1, 1, 8, 0);

    public static final List<String> CATEGORIES = List.of(
            "books", "electronics", "garden", "kitchen", "toys", "sports", "music", "movies", "games",
            "clothing", "shoes", "beauty", "health", "grocery", "automotive", "tools", "office", "pets",
            "baby", "jewelry");

    private static final List<List<String>> NOUNS = List.of(
            List.of("novel", "cookbook", "atlas", "biography", "anthology"),
            List.of("headphones", "charger", "speaker", "keyboard", "monitor"),
            List.of("shovel", "planter", "hose", "rake", "lantern"),
            List.of("skillet", "kettle", "blender", "knife", "teapot"),
            List.of("puzzle", "robot", "kite", "teddy", "blocks"),
            List.of("racket", "helmet", "ball", "bottle", "backpack"),
            List.of("guitar", "ukulele", "vinyl", "metronome", "drum"),
            List.of("boxset", "documentary", "thriller", "comedy", "classic"),
            List.of("boardgame", "cards", "chess", "dice", "controller"),
            List.of("jacket", "sweater", "scarf", "shirt", "hoodie"),
            List.of("sneakers", "boots", "sandals", "loafers", "slippers"),
            List.of("serum", "lotion", "brush", "mirror", "perfume"),
            List.of("vitamins", "thermometer", "bandage", "massager", "scale"),
            List.of("coffee", "tea", "honey", "olive", "pasta"),
            List.of("wiper", "jack", "charger", "mat", "polish"),
            List.of("hammer", "drill", "wrench", "saw", "screwdriver"),
            List.of("stapler", "notebook", "pen", "lamp", "folder"),
            List.of("leash", "bowl", "collar", "bed", "toy"),
            List.of("stroller", "bib", "rattle", "blanket", "bottle"),
            List.of("ring", "necklace", "bracelet", "earrings", "watch"));

    private static final List<String> ADJECTIVES = List.of(
            "compact", "sturdy", "classic", "deluxe", "vintage", "modern", "portable", "premium",
            "rustic", "sleek", "ergonomic", "handmade", "smart", "quiet", "bright", "gentle", "rugged",
            "elegant", "practical", "cozy");

    private static final List<String> MATERIALS = List.of(
            "steel", "oak", "bamboo", "copper", "linen", "wool", "ceramic", "glass", "leather",
            "cotton", "walnut", "granite", "silver", "carbon", "marble", "cedar", "velvet", "titanium",
            "canvas", "brass");

    private static final List<String> FIRST_NAMES = List.of(
            "Ada", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karla",
            "Lukas", "Mia", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara");

    private static final List<String> LAST_NAMES = List.of(
            "Adler", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova",
            "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Rossi", "Schmidt",
            "Torres", "Weber");

    public static final List<String> COUNTRIES = List.of(
            "DE", "AT", "FR", "NL", "BE", "IT", "ES", "PL", "DK", "SE", "GB", "US");

    private static final List<String> WAREHOUSES = List.of("BER:Berlin", "HAM:Hamburg", "MUC:Munich", "FRA:Frankfurt");
    private static final List<String> ORDER_STATUSES = List.of("DELIVERED", "DELIVERED", "SHIPPED", "PLACED");

    private SeedDataWriter() {}

    /**
     * Creates the tables, writes all seed rows, then creates the indexes. The catalog and the order
     * history are written in parallel on two connections, each stream in one transaction with its
     * own fixed random seed: the same rows on every start, in about half the wall time.
     */
    public static SeedCounts write(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SchemaCreator.createTables(connection);
        }
        long[] priceCents = listPrices(new Random(RANDOM_SEED));
        ExecutorService orderWriter = Executors.newSingleThreadExecutor(task -> new Thread(task, "shop-seed-orders"));
        try {
            Future<int[]> orders = orderWriter.submit(() -> Jdbc.inTransaction(dataSource,
                    connection -> writeOrders(connection, new Random(RANDOM_SEED + 1), priceCents)));
            int[] catalog = Jdbc.inTransaction(dataSource,
                    connection -> writeCatalog(connection, new Random(RANDOM_SEED + 2), priceCents));
            int[] history = await(orders);
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                SchemaCreator.createIndexes(connection);
                // new orders continue after the seeded ids (explicit ids do not advance the identity)
                statement.execute("ALTER TABLE orders ALTER COLUMN id RESTART WITH " + (ORDERS + 1));
                statement.execute("ANALYZE");
            }
            return new SeedCounts(catalog[0], catalog[1], catalog[2], catalog[3], catalog[4], history[0],
                    history[1], catalog[5], catalog[6]);
        } finally {
            orderWriter.shutdownNow();
        }
    }

    /** Categories, products, search terms, inventory, customers, carts; returns their row counts. */
    private static int[] writeCatalog(Connection connection, Random random, long[] priceCents) throws SQLException {
        int categories = writeCategories(connection);
        int[] products = writeProducts(connection, random, priceCents);
        int inventory = writeInventory(connection, random);
        int customers = writeCustomers(connection, random);
        int[] carts = writeCarts(connection, random);
        return new int[] {categories, products[0], products[1], inventory, customers, carts[0], carts[1]};
    }

    /** List prices of products 1..PRODUCTS (index 0 unused), needed by both streams. */
    private static long[] listPrices(Random random) {
        long[] priceCents = new long[PRODUCTS + 1];
        for (int id = 1; id <= PRODUCTS; id++) {
            priceCents[id] = 199 + random.nextInt(4_800) + (random.nextInt(10) == 0 ? random.nextInt(45_000) : 0);
        }
        return priceCents;
    }

    private static int[] await(Future<int[]> orders) throws SQLException {
        try {
            return orders.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing the seed orders", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException("writing the seed orders failed", e.getCause());
        }
    }

    private static int writeCategories(Connection connection) throws SQLException {
        try (BatchInsert categories = new BatchInsert(connection, "categories", "id", "name", "discount_pct");
                BatchInsert tiers = new BatchInsert(connection, "volume_discounts", "category_id", "min_quantity", "discount_pct")) {
            for (int i = 0; i < CATEGORIES.size(); i++) {
                int id = i + 1;
                categories.add(id, CATEGORIES.get(i), i % 4 == 0 ? 5 : 0);
                tiers.add(id, 10, 3 + i % 3);
                tiers.add(id, 50, 8 + i % 4);
                tiers.add(id, 100, 12 + i % 5);
            }
            return categories.totalRows();
        }
    }

    /** Returns {products, search terms}. */
    private static int[] writeProducts(Connection connection, Random random, long[] priceCents) throws SQLException {
        try (BatchInsert products = new BatchInsert(connection, "products", "id", "category_id", "sku", "name", "description", "price_cents", "weight_grams");
                BatchInsert terms = new BatchInsert(connection, "product_terms", "term", "product_id")) {
            for (long id = 1; id <= PRODUCTS; id++) {
                int categoryIndex = (int) ((id - 1) % CATEGORIES.size());
                String adjective = pick(random, ADJECTIVES);
                String material = pick(random, MATERIALS);
                String noun = pick(random, NOUNS.get(categoryIndex));
                String name = capitalize(adjective) + " " + capitalize(material) + " " + capitalize(noun);
                long cents = priceCents[(int) id];
                String description = "A " + adjective + " " + noun + " made of " + material
                        + " from our " + CATEGORIES.get(categoryIndex) + " range. Model "
                        + String.format(Locale.ROOT, "%05d", id) + ", tested for everyday use, with a "
                        + (2 + random.nextInt(4)) + "-year warranty.";
                products.add(id, categoryIndex + 1, String.format(Locale.ROOT, "SKU-%06d", id), name,
                        description, cents, 50 + random.nextInt(19_950));
                Set<String> words = new LinkedHashSet<>(SearchTerms.of(name));
                words.add(CATEGORIES.get(categoryIndex));
                for (String word : words) {
                    terms.add(word, id);
                }
            }
            return new int[] {products.totalRows(), terms.totalRows()};
        }
    }

    private static int writeInventory(Connection connection, Random random) throws SQLException {
        try (BatchInsert warehouses = new BatchInsert(connection, "warehouses", "id", "code", "city");
                BatchInsert inventory = new BatchInsert(connection, "inventory", "product_id", "warehouse_id", "quantity")) {
            for (int i = 0; i < WAREHOUSES.size(); i++) {
                String[] codeAndCity = WAREHOUSES.get(i).split(":");
                warehouses.add(i + 1, codeAndCity[0], codeAndCity[1]);
            }
            for (long product = 1; product <= PRODUCTS; product++) {
                for (int warehouse = 1; warehouse <= WAREHOUSES.size(); warehouse++) {
                    if (random.nextInt(5) != 0) {
                        inventory.add(product, warehouse, random.nextInt(400));
                    }
                }
            }
            return inventory.totalRows();
        }
    }

    private static int writeCustomers(Connection connection, Random random) throws SQLException {
        try (BatchInsert customers = new BatchInsert(connection, "customers", "id", "name", "email", "country")) {
            for (long id = 1; id <= CUSTOMERS; id++) {
                String name = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
                customers.add(id, name, "customer" + id + "@shop.example", pick(random, COUNTRIES));
            }
            return customers.totalRows();
        }
    }

    /** Returns {orders, order items}. */
    private static int[] writeOrders(Connection connection, Random random, long[] priceCents) throws SQLException {
        try (BatchInsert orders = new BatchInsert(connection, "orders", "id", "customer_id", "email", "created_at", "status", "total_cents");
                BatchInsert items = new BatchInsert(connection, "order_items", "order_id", "line_no", "product_id", "quantity", "unit_price_cents")) {
            for (long id = 1; id <= ORDERS; id++) {
                long customer = 1 + random.nextInt(CUSTOMERS);
                int lines = 1 + random.nextInt(MAX_ITEMS_PER_ORDER);
                List<Long> products = distinctProducts(random, lines);
                int[] quantities = new int[lines];
                long total = 0;
                for (int line = 0; line < lines; line++) {
                    quantities[line] = 1 + random.nextInt(5);
                    total += priceCents[products.get(line).intValue()] * quantities[line];
                }
                orders.add(id, customer, "customer" + customer + "@shop.example",
                        FIRST_ORDER_AT.plusMinutes(20 * id), pick(random, ORDER_STATUSES), total);
                for (int line = 0; line < lines; line++) {
                    long product = products.get(line);
                    items.add(id, line + 1, product, quantities[line], priceCents[(int) product]);
                }
            }
            return new int[] {orders.totalRows(), items.totalRows()};
        }
    }

    /** Returns {carts, cart items}. */
    private static int[] writeCarts(Connection connection, Random random) throws SQLException {
        try (BatchInsert carts = new BatchInsert(connection, "carts", "id", "customer_id");
                BatchInsert items = new BatchInsert(connection, "cart_items", "cart_id", "product_id", "quantity", "updated_at")) {
            for (long id = 1; id <= CARTS; id++) {
                carts.add(id, id);
            }
            for (long id = 1; id <= CARTS; id++) {
                for (long product : distinctProducts(random, random.nextInt(4))) {
                    items.add(id, product, 1 + random.nextInt(3), FIRST_ORDER_AT);
                }
            }
            return new int[] {carts.totalRows(), items.totalRows()};
        }
    }

    private static List<Long> distinctProducts(Random random, int count) {
        Set<Long> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(1L + random.nextInt(PRODUCTS));
        }
        return new ArrayList<>(chosen);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
