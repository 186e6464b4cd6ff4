package io.perfharness.service.shipping;

/** A validated request for a shipping quote. */
public record ShippingRequest(String country, String postalCode, int weightGrams) {}
