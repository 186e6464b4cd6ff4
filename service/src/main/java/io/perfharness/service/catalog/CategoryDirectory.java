package io.perfharness.service.catalog;

import io.perfharness.service.db.Jdbc;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The categories, loaded once at start-up (they never change while the service runs). Immutable. */
public final class CategoryDirectory {
    private final List<Category> categories;
    private final Map<String, Category> byName;

    private CategoryDirectory(List<Category> categories) {
        this.categories = List.copyOf(categories);
        this.byName = categories.stream().collect(Collectors.toUnmodifiableMap(Category::name, Function.identity()));
    }

    public static CategoryDirectory load(Jdbc jdbc) {
        return new CategoryDirectory(jdbc.list("SELECT id, name FROM categories ORDER BY id",
                row -> new Category(row.getInt(1), row.getString(2))));
    }

    /** The category with this name, ignoring case. */
    public Optional<Category> byName(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<Category> all() {
        return categories;
    }
}
