package io.perfharness.service.shipping;

/** The downstream carrier did not answer; the request gets 503. */
public final class CarrierUnavailableException extends RuntimeException {
    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
