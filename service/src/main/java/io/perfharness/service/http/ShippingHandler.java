package io.perfharness.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.perfharness.service.shipping.CarrierTariff;
import io.perfharness.service.shipping.ShippingQuote;
import io.perfharness.service.shipping.ShippingQuoteService;
import io.perfharness.service.shipping.ShippingRequest;
import io.perfharness.service.shipping.TariffWatch;

/**
 * {@code POST /api/shipping/quote} with {@code {"country":"DE","postalCode":"10115","weightGrams":1200}}.
 * Thread-safe.
 */
final class ShippingHandler {
    static final int MAX_POSTAL_CODE_CHARS = 16;

    private final ShippingQuoteService quotes;
    private final TariffWatch tariffWatch;
    private final ObjectMapper mapper;

    ShippingHandler(ShippingQuoteService quotes, TariffWatch tariffWatch, ObjectMapper mapper) {
        this.quotes = quotes;
        this.tariffWatch = tariffWatch;
        this.mapper = mapper;
    }

    void quote(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, mapper);
        String country = body.requiredText("country", 2);
        if (quotes.tariff().zoneOf(country).isEmpty()) {
            throw ApiException.badRequest("must be one of " + String.join(", ", quotes.tariff().countries()),
                    "country", country);
        }
        String postalCode = body.requiredText("postalCode", MAX_POSTAL_CODE_CHARS);
        if (!isPostalCode(postalCode)) {
            throw ApiException.badRequest("must be letters, digits, spaces or '-'", "postalCode", postalCode);
        }
        int weightGrams = body.requiredInt("weightGrams", 1, CarrierTariff.MAX_WEIGHT_GRAMS);
        ShippingQuote quote = quotes.quote(new ShippingRequest(country, postalCode, weightGrams));
        tariffWatch.watch(quote);
        ctx.json(quote);
    }

    private static boolean isPostalCode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
