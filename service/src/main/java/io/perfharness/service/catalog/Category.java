package io.perfharness.service.catalog;

/** A product category; names are lower-case words. */
public record Category(int id, String name) {}
