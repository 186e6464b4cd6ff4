-- Secondary indexes, created after the seed is written (faster than maintaining them per row).
CREATE INDEX products_by_category ON products (category_id, id);
CREATE UNIQUE INDEX products_by_sku ON products (sku);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
